package io.edgefleet.driver.opcua;

import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.Subscription;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.WriteCheck;
import io.edgefleet.driver.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open OPC UA session to one server.
 *
 * <p>Milo's client keeps its session alive on its own: when the server goes away it reconnects
 * with backoff, and its session activity events drive {@link #state()} ({@code RECONNECTING} while
 * the session is inactive). Reads then answer ERROR at once, writes are refused {@code
 * not-connected}; monitors are carried over to the new session, or recreated when the server no
 * longer knows them (see {@link OpcUaMonitor}).
 */
final class OpcUaSession implements DriverSession {
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaSession.class);

    private final DeviceConnection connection;
    private final OpcUaSettings settings;
    private final Map<String, OpcUaProperty> properties = new LinkedHashMap<>();
    private final OpcUaClient client;
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.CONNECTED);
    private final Map<NodeId, NodeId> dataTypes = new ConcurrentHashMap<>();
    private final List<OpcUaMonitor> monitors = new CopyOnWriteArrayList<>();
    private final ExecutorService recovery;

    private OpcUaSession(DeviceConnection connection, OpcUaSettings settings, OpcUaClient client) {
        this.connection = connection;
        this.settings = settings;
        this.client = client;
        settings.properties().forEach(p -> properties.putIfAbsent(p.name(), p));
        this.recovery = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "opcua-" + connection.device());
            thread.setDaemon(true);
            return thread;
        });
    }

    static OpcUaSession open(DeviceConnection connection, OpcUaSettings settings) {
        OpcUaClient client = OpcUaConnector.connect(connection, settings);
        OpcUaSession session = new OpcUaSession(connection, settings, client);
        client.addSessionActivityListener(session.new Activity());
        return session;
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
        Instant now = Instant.now();
        Reading[] readings = new Reading[names.size()];
        List<Integer> slots = new ArrayList<>();
        List<OpcUaProperty> wanted = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            OpcUaProperty property = properties.get(names.get(i));
            if (property == null) {
                readings[i] = Reading.error(names.get(i), unknown(names.get(i)), now);
            } else {
                slots.add(i);
                wanted.add(property);
            }
        }
        if (!wanted.isEmpty()) {
            List<Reading> read = readDevice(wanted, now);
            for (int i = 0; i < slots.size(); i++) {
                readings[slots.get(i)] = read.get(i);
            }
        }
        return List.of(readings);
    }

    private List<Reading> readDevice(List<OpcUaProperty> wanted, Instant now) {
        if (state.get() != SessionState.CONNECTED) {
            return errors(wanted, "not connected to " + settings.endpointUrl() + " (reconnecting)", now);
        }
        List<NodeId> nodeIds = wanted.stream().map(OpcUaProperty::nodeId).toList();
        Duration timeout = connection.timeouts().request();
        try {
            List<DataValue> values = client.readValuesAsync(0.0, TimestampsToReturn.Both, nodeIds)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Instant received = Instant.now();
            List<Reading> readings = new ArrayList<>(wanted.size());
            for (int i = 0; i < wanted.size(); i++) {
                readings.add(OpcUaValues.toReading(wanted.get(i), values.get(i), received));
            }
            return readings;
        } catch (TimeoutException e) {
            return errors(wanted, "no answer to the read within " + timeout.toMillis() + " ms", now);
        } catch (ExecutionException e) {
            return errors(wanted, "read failed: " + reason(e.getCause()), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return errors(wanted, "interrupted while reading", now);
        }
    }

    private static List<Reading> errors(List<OpcUaProperty> properties, String reason, Instant now) {
        return properties.stream()
                .map(p -> Reading.error(p.name(), reason, now))
                .toList();
    }

    @Override
    public WriteResult write(String property, TypedValue value) {
        requireOpen();
        return switch (WriteCheck.of(connection, property, value)) {
            case WriteCheck.Denied denied -> denied.refusal();
            case WriteCheck.Allowed allowed -> writeDevice(properties.get(property), allowed.value());
        };
    }

    private WriteResult writeDevice(OpcUaProperty property, TypedValue value) {
        if (state.get() != SessionState.CONNECTED) {
            return new WriteResult.Refused(
                    WriteResult.Refused.NOT_CONNECTED,
                    "not connected to " + settings.endpointUrl() + " (reconnecting)");
        }
        Duration timeout = connection.timeouts().request();
        try {
            NodeId dataType = dataType(property, timeout);
            OpcUaValues.Outgoing outgoing = OpcUaValues.toOpcUa(property, value, dataType);
            if (outgoing instanceof OpcUaValues.Outgoing.Refuse(WriteResult.Refused refusal)) {
                return refusal;
            }
            OpcUaValues.Outgoing.Send send = (OpcUaValues.Outgoing.Send) outgoing;
            List<StatusCode> results = client.writeValuesAsync(
                            List.of(property.nodeId()), List.of(DataValue.valueOnly(send.variant())))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            StatusCode status = results.getFirst();
            if (!status.isGood()) {
                return new WriteResult.Refused(
                        WriteResult.Refused.DEVICE_REFUSED,
                        "the server refused the write to " + property.nodeId().toParseableString() + ": "
                                + OpcUaValues.describe(status));
            }
            return new WriteResult.Written(value);
        } catch (TimeoutException e) {
            return new WriteResult.Refused(
                    WriteResult.Refused.TIMEOUT, "no answer to the write within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new WriteResult.Refused(WriteResult.Refused.DEVICE_REFUSED, "write failed: " + reason(e.getCause()));
        } catch (UaException e) {
            return new WriteResult.Refused(WriteResult.Refused.DEVICE_REFUSED, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WriteResult.Refused(WriteResult.Refused.TIMEOUT, "interrupted while writing");
        }
    }

    /** The variable's DataType attribute, read once and remembered. */
    private NodeId dataType(OpcUaProperty property, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException, UaException {
        NodeId known = dataTypes.get(property.nodeId());
        if (known != null) {
            return known;
        }
        ReadValueId id = new ReadValueId(property.nodeId(), AttributeId.DataType.uid(), null, null);
        DataValue result = client.readAsync(0.0, TimestampsToReturn.Neither, List.of(id))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .getResults()[0];
        if (result.statusCode() != null && !result.statusCode().isGood()
                || !(result.value().value() instanceof NodeId dataType)) {
            throw new UaException(
                    result.statusCode() == null ? StatusCode.BAD : result.statusCode(),
                    "cannot read the data type of " + property.nodeId().toParseableString() + ": "
                            + OpcUaValues.describe(result.statusCode() == null ? StatusCode.BAD : result.statusCode()));
        }
        dataTypes.put(property.nodeId(), dataType);
        return dataType;
    }

    @Override
    public Optional<Subscription> subscribe(List<String> names, Duration interval, Consumer<Reading> listener) {
        Objects.requireNonNull(listener, "listener");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("subscribe to at least one property");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, got " + interval);
        }
        requireOpen();
        List<OpcUaProperty> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            OpcUaProperty property = properties.get(name);
            if (property == null) {
                unknown.add(name);
            } else {
                known.add(property);
            }
        }
        OpcUaMonitor monitor = new OpcUaMonitor(this, client, names, known, interval, listener);
        monitors.add(monitor);
        recovery.execute(() -> {
            Instant now = Instant.now();
            unknown.forEach(name -> monitor.deliver(Reading.error(name, unknown(name), now)));
        });
        if (state.get() == SessionState.CONNECTED) {
            monitor.establish();
        }
        return Optional.of(monitor);
    }

    void forget(OpcUaMonitor monitor) {
        monitors.remove(monitor);
    }

    /** Runs a monitor's recovery off Milo's threads. */
    void recover(Runnable task) {
        if (state.get() != SessionState.CLOSED) {
            recovery.execute(task);
        }
    }

    @Override
    public void close() {
        if (state.getAndSet(SessionState.CLOSED) == SessionState.CLOSED) {
            return;
        }
        monitors.forEach(OpcUaMonitor::close);
        recovery.shutdownNow();
        try {
            client.disconnectAsync().get(connection.timeouts().request().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("disconnect from {} did not complete cleanly", settings.endpointUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireOpen() {
        if (state.get() == SessionState.CLOSED) {
            throw DriverException.sessionClosed(connection.device());
        }
    }

    private String unknown(String name) {
        return "device '" + connection.device() + "' has no property '" + name + "'";
    }

    static String reason(Throwable cause) {
        return UaException.extractStatusCode(cause)
                .map(OpcUaValues::describe)
                .orElse(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** Milo's session events: inactive while it reconnects, active again with a new session. */
    private final class Activity implements SessionActivityListener {
        @Override
        public void onSessionActive(UaSession session) {
            SessionState previous = state.getAndUpdate(s -> s == SessionState.CLOSED ? s : SessionState.CONNECTED);
            if (previous == SessionState.RECONNECTING) {
                LOG.info("EF4102 OPC UA device {} at {} answers again", connection.device(), settings.endpointUrl());
                monitors.forEach(monitor -> recover(monitor::establishIfNeeded));
            }
        }

        @Override
        public void onSessionInactive(UaSession session) {
            SessionState previous = state.getAndUpdate(s -> s == SessionState.CLOSED ? s : SessionState.RECONNECTING);
            if (previous == SessionState.CONNECTED) {
                LOG.warn(
                        "EF4101 OPC UA device {} lost its session to {}; reconnecting",
                        connection.device(),
                        settings.endpointUrl());
            }
        }
    }
}
