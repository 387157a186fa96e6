package io.edgefleet.driver.modbus;

import io.edgefleet.driver.Conversion;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.WriteCheck;
import io.edgefleet.driver.WriteResult;
import io.edgefleet.driver.modbus.wire.Answer;
import io.edgefleet.driver.modbus.wire.DigitalpetriLink;
import io.edgefleet.driver.modbus.wire.ModbusLink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open Modbus device (TCP or RTU alike: the difference is the {@link ModbusLink}).
 *
 * <p>Reads are planned by {@link ReadPlan} (contiguous registers in one request); a request the
 * device refuses with an exception is retried property by property, so one bad address spoils
 * only its own reading. After a timeout the rest of that read is not sent: a device that did not
 * answer one request is not asked again within the same call, which keeps the worker moving.
 *
 * <p>Connection loss (the TCP connection closes, a request finds the transport down) moves the
 * session to RECONNECTING; a thread of its own then reconnects with backoff from 250 ms to 5 s
 * and moves it back to CONNECTED. Meanwhile reads answer ERROR and writes {@code not-connected}
 * without touching the wire.
 */
final class ModbusSession implements DriverSession {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusSession.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final DeviceConnection connection;
    private final ModbusDevice device;
    private final Map<String, ModbusPoint> points = new LinkedHashMap<>();
    private final ModbusLink link;
    private final Clock clock;
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.CONNECTED);
    private final ScheduledExecutorService reconnector;
    private volatile String lostBecause = "";

    private ModbusSession(DeviceConnection connection, ModbusDevice device, ModbusLink link, Clock clock) {
        this.connection = connection;
        this.device = device;
        this.link = link;
        this.clock = clock;
        device.points().forEach(point -> points.putIfAbsent(point.name(), point));
        this.reconnector = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "modbus-reconnect-" + connection.device());
            thread.setDaemon(true);
            return thread;
        });
        link.onConnectionLost(() -> lost("the connection was closed"));
    }

    /**
     * Makes a link to the device's endpoint, connects it once and returns the session, or closes the
     * link and throws.
     *
     * @throws DriverException {@code unreachable} or {@code timeout}
     */
    static ModbusSession open(DeviceConnection connection, ModbusDevice device, Clock clock) {
        ModbusLink link;
        try {
            link = DigitalpetriLink.to(
                    device.endpoint(),
                    connection.timeouts().connect(),
                    connection.timeouts().request());
        } catch (RuntimeException e) {
            // jSerialComm refuses a port path it cannot use before anything is opened.
            throw DriverException.unreachable(connection.device(), device.endpoint() + ": " + e.getMessage(), e);
        }
        Answer answer = link.connect();
        if (answer instanceof Answer.Data) {
            return new ModbusSession(connection, device, link, clock);
        }
        link.close();
        if (answer instanceof Answer.TimedOut(Duration after)) {
            throw DriverException.timeout(
                    connection.device(), "connecting to " + link.describe() + " within " + after.toMillis() + " ms");
        }
        throw DriverException.unreachable(connection.device(), link.describe() + ": " + reason(answer));
    }

    @Override
    public DeviceConnection connection() {
        return connection;
    }

    @Override
    public SessionState state() {
        return state.get();
    }

    @Override
    public List<Reading> read(List<String> names) {
        requireOpen();
        Map<String, Reading> read = new HashMap<>();
        List<ModbusPoint> wanted = names.stream()
                .distinct()
                .map(points::get)
                .filter(Objects::nonNull)
                .toList();
        if (state.get() == SessionState.CONNECTED) {
            readBatches(ReadPlan.of(wanted, device.maxRegistersPerRead()), read);
        } else {
            fail(wanted, notConnected(), clock.instant(), read);
        }
        Instant now = clock.instant();
        return names.stream()
                .map(name -> read.getOrDefault(
                        name,
                        Reading.error(
                                name, "device '" + connection.device() + "' has no property '" + name + "'", now)))
                .toList();
    }

    /** Reads the batches in order; returns why the rest of the read was not sent, if it was not. */
    private Optional<String> readBatches(List<ReadPlan.Batch> batches, Map<String, Reading> out) {
        Optional<String> stop = Optional.empty();
        for (ReadPlan.Batch batch : batches) {
            if (stop.isPresent()) {
                fail(batch.points(), stop.get(), clock.instant(), out);
                continue;
            }
            Answer answer = link.read(batch.table(), batch.start(), batch.count());
            Instant at = clock.instant();
            switch (answer) {
                case Answer.Data data -> decode(batch, data.data(), at, out);
                case Answer.DeviceException ignored
                when batch.points().size() > 1 ->
                    // One address the device lacks must not spoil its neighbours: ask for each alone.
                    stop = readBatches(singles(batch), out);
                case Answer.DeviceException refused ->
                    fail(batch.points(), "device answered " + refused.describe() + " reading " + where(batch), at, out);
                case Answer.TimedOut(Duration after) -> {
                    fail(
                            batch.points(),
                            "no answer within " + after.toMillis() + " ms reading " + where(batch),
                            at,
                            out);
                    stop = Optional.of("not read: the device did not answer an earlier request of this read within "
                            + after.toMillis() + " ms");
                }
                case Answer.Lost(String reason) -> {
                    lost(reason);
                    fail(batch.points(), "connection to " + link.describe() + " lost: " + reason, at, out);
                    stop = Optional.of(notConnected());
                }
                case Answer.Garbled(String reason) ->
                    fail(batch.points(), "unusable answer reading " + where(batch) + ": " + reason, at, out);
            }
        }
        return stop;
    }

    private static List<ReadPlan.Batch> singles(ReadPlan.Batch batch) {
        return batch.points().stream()
                .map(p -> new ReadPlan.Batch(p.table(), p.address(), p.count(), List.of(p)))
                .toList();
    }

    private static String where(ReadPlan.Batch batch) {
        return batch.points().size() == 1 ? batch.points().getFirst().describe() : batch.describe();
    }

    private void decode(ReadPlan.Batch batch, byte[] data, Instant at, Map<String, Reading> out) {
        for (ModbusPoint point : batch.points()) {
            Reading reading =
                    switch (RegisterCodec.decode(point, data, point.address() - batch.start())) {
                        case Conversion.Converted(TypedValue value) -> Reading.good(point.name(), value, at);
                        case Conversion.Failed failed -> Reading.error(point.name(), failed.reason(), at);
                    };
            out.put(point.name(), reading);
        }
    }

    private static void fail(List<ModbusPoint> failed, String reason, Instant at, Map<String, Reading> out) {
        failed.forEach(point -> out.put(point.name(), Reading.error(point.name(), reason, at)));
    }

    @Override
    public WriteResult write(String property, TypedValue value) {
        requireOpen();
        return switch (WriteCheck.of(connection, property, value)) {
            case WriteCheck.Denied denied -> denied.refusal();
            case WriteCheck.Allowed allowed ->
                write(points.get(allowed.binding().name()), allowed.value());
        };
    }

    private WriteResult write(ModbusPoint point, TypedValue value) {
        if (state.get() != SessionState.CONNECTED) {
            return new WriteResult.Refused(WriteResult.Refused.NOT_CONNECTED, notConnected());
        }
        Answer answer;
        switch (RegisterCodec.encode(point, value)) {
            case RegisterCodec.Encoded.Unfit(String reason) -> {
                return new WriteResult.Refused(WriteResult.Refused.OUT_OF_RANGE, reason);
            }
            case RegisterCodec.Encoded.Coil(boolean on) -> answer = link.writeCoil(point.address(), on);
            case RegisterCodec.Encoded.Registers registers ->
                answer = link.writeRegisters(point.address(), registers.bytes());
        }
        String what = "the write of property '" + point.name() + "' to " + point.describe();
        return switch (answer) {
            case Answer.Data ignored -> new WriteResult.Written(value);
            case Answer.DeviceException refused ->
                new WriteResult.Refused(
                        WriteResult.Refused.DEVICE_REFUSED,
                        "device '" + connection.device() + "' answered " + refused.describe() + " to " + what);
            case Answer.TimedOut(Duration after) ->
                new WriteResult.Refused(
                        WriteResult.Refused.TIMEOUT,
                        "no answer within " + after.toMillis() + " ms to " + what + "; it may have been applied");
            case Answer.Lost(String reason) -> {
                lost(reason);
                yield new WriteResult.Refused(
                        WriteResult.Refused.NOT_CONNECTED,
                        "connection to " + link.describe() + " lost during " + what + ": " + reason);
            }
            case Answer.Garbled(String reason) ->
                new WriteResult.Refused(
                        WriteResult.Refused.DEVICE_REFUSED, "unusable answer to " + what + ": " + reason);
        };
    }

    private void lost(String reason) {
        if (state.compareAndSet(SessionState.CONNECTED, SessionState.RECONNECTING)) {
            lostBecause = reason;
            LOG.warn(
                    "EF4301 Modbus device {} at {} lost: {}; reconnecting",
                    connection.device(),
                    link.describe(),
                    reason);
            schedule(FIRST_RETRY);
        }
    }

    private void schedule(Duration delay) {
        try {
            reconnector.schedule(() -> reconnect(delay), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The session was closed meanwhile: nothing to reconnect.
        }
    }

    private void reconnect(Duration delay) {
        if (state.get() != SessionState.RECONNECTING) {
            return;
        }
        Answer answer = link.connect();
        if (answer instanceof Answer.Data && state.compareAndSet(SessionState.RECONNECTING, SessionState.CONNECTED)) {
            LOG.info("EF4302 Modbus device {} at {} connected again", connection.device(), link.describe());
        } else if (state.get() == SessionState.RECONNECTING) {
            LOG.debug(
                    "EF4303 Modbus device {} at {} not reachable yet: {}",
                    connection.device(),
                    link.describe(),
                    reason(answer));
            Duration next = delay.multipliedBy(2);
            schedule(next.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : next);
        }
        if (state.get() == SessionState.CLOSED) {
            link.close();
        }
    }

    private String notConnected() {
        return "not connected to " + link.describe() + ": reconnecting (" + lostBecause + ")";
    }

    private static String reason(Answer answer) {
        return switch (answer) {
            case Answer.Lost(String reason) -> reason;
            case Answer.TimedOut(Duration after) -> "no answer within " + after.toMillis() + " ms";
            case Answer.Garbled(String reason) -> reason;
            case Answer.DeviceException refused -> refused.describe();
            case Answer.Data ignored -> "connected";
        };
    }

    @Override
    public void close() {
        if (state.getAndSet(SessionState.CLOSED) == SessionState.CLOSED) {
            return;
        }
        reconnector.shutdownNow();
        link.close();
    }

    private void requireOpen() {
        if (state.get() == SessionState.CLOSED) {
            throw DriverException.sessionClosed(connection.device());
        }
    }
}
