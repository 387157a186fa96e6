package io.edgefleet.edge.device;

import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.StoreTransaction;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolException;
import io.edgefleet.protocol.TwinReport;
import io.edgefleet.protocol.TwinReports;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.ReportedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the twin reports of the node's devices into the outbox together (decision record 0009): the
 * workers report on one grid per report cycle ({@link #nextReport}), offer what changed, and {@link
 * #LINGER} after the first offer one transaction appends them all as one {@code twin-reports} message
 * (several when one would exceed the message limit), marks the edge-set desired values it carries as
 * sent and commits. Ten devices on one cycle cost one outbox row, one fsync, one message and one ack
 * instead of ten. To a server that did not name {@code twin-reports} (older than it) each device goes
 * as its own {@code twin-report}, in the same transaction.
 *
 * <p>A device's offers that wait together merge as a worker's readings within one cycle do: the latest
 * value of each property and the latest state. Nothing offered is dropped: a transaction that fails
 * leaves the reports waiting and is tried again ({@code EF3710}); {@link #flush()} at shutdown appends
 * what waits.
 */
final class TwinReporter {
    private static final Logger LOG = LoggerFactory.getLogger(TwinReporter.class);

    /**
     * How long the first offer waits for the other devices of its cycle: they woke at the same grid
     * instant and need only their collect to offer. Small against any report cycle.
     */
    static final Duration LINGER = Duration.ofMillis(20);

    static final Duration RETRY = Duration.ofSeconds(1);

    /** What one device offered and is not in the outbox yet. */
    private record Pending(Optional<DeviceState> state, Map<String, ReportedValue> values) {
        Pending then(Pending later) {
            Map<String, ReportedValue> merged = new LinkedHashMap<>(values);
            merged.putAll(later.values);
            return new Pending(later.state.or(() -> state), merged);
        }
    }

    private final EdgeStore store;
    private final Outbox outbox;
    private final BooleanSupplier linkUp;
    private final Predicate<MessageKind> serverAccepts;
    private final BiConsumer<Runnable, Duration> schedule;
    private final long phaseMillis;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private boolean flushScheduled;

    /**
     * @param linkUp edge-set desired values go upstream only while connected (decision 0005)
     * @param serverAccepts whether the server accepts a kind ({@code twin-reports} is negotiated)
     * @param schedule runs a task after a delay on the device manager's thread
     * @param phaseMillis where this node's report grid starts within a cycle: random per daemon, so that
     *     the devices of one node report together but nodes do not all report in the same instant
     */
    TwinReporter(
            EdgeStore store,
            Outbox outbox,
            BooleanSupplier linkUp,
            Predicate<MessageKind> serverAccepts,
            BiConsumer<Runnable, Duration> schedule,
            long phaseMillis) {
        this.store = store;
        this.outbox = outbox;
        this.linkUp = linkUp;
        this.serverAccepts = serverAccepts;
        this.schedule = schedule;
        this.phaseMillis = phaseMillis;
    }

    /** The first instant after {@code now} on this node's grid of {@code cycle}: where devices of that cycle report. */
    Instant nextReport(Instant now, Duration cycle) {
        long period = Math.max(1, cycle.toMillis());
        long at = now.toEpochMilli() - Math.floorMod(phaseMillis, period);
        long next = Math.floorDiv(at, period) * period + period;
        return Instant.ofEpochMilli(next + Math.floorMod(phaseMillis, period));
    }

    /**
     * A device's report: its state when it changed, the values that changed. The worker forgets them:
     * from here on they wait in this reporter until they are in the outbox. Any thread.
     *
     * @param edgeChanges the device has edge-set desired values to send; they are read (and marked
     *     sent) in the transaction that appends the report
     */
    void offer(String device, Optional<DeviceState> state, Collection<ReportedValue> values, boolean edgeChanges) {
        if (state.isEmpty() && values.isEmpty() && !edgeChanges) {
            return;
        }
        Pending offered = new Pending(state, orderedByProperty(values));
        synchronized (this) {
            pending.merge(device, offered, Pending::then);
            if (!flushScheduled) {
                flushScheduled = true;
                schedule.accept(this::flushOrRetry, LINGER);
            }
        }
    }

    /** Appends everything that waits, in one transaction, now; on the caller's thread. */
    void flush() {
        Map<String, Pending> taken;
        synchronized (this) {
            flushScheduled = false;
            if (pending.isEmpty()) {
                return;
            }
            taken = new LinkedHashMap<>(pending);
            pending.clear();
        }
        try {
            store.inTransaction(tx -> {
                append(tx, reports(tx, taken));
                return null;
            });
        } catch (RuntimeException e) {
            synchronized (this) {
                // Older than anything offered since: what came later wins.
                Map<String, Pending> back = new LinkedHashMap<>(taken);
                pending.forEach((device, later) -> back.merge(device, later, Pending::then));
                pending.clear();
                pending.putAll(back);
            }
            throw e;
        }
    }

    private void flushOrRetry() {
        try {
            flush();
        } catch (RuntimeException e) {
            // Kept for the next attempt: a state report is never dropped.
            LOG.error("EF3710 twin reports could not be queued, retrying in {} s: {}", RETRY.toSeconds(), e.toString());
            synchronized (this) {
                if (!flushScheduled) {
                    flushScheduled = true;
                    schedule.accept(this::flushOrRetry, RETRY);
                }
            }
        }
    }

    /** The wire reports, edge-set desired values included and marked sent in {@code tx}. */
    private List<TwinReport> reports(StoreTransaction tx, Map<String, Pending> taken) {
        boolean up = linkUp.getAsBoolean();
        List<TwinReport> reports = new ArrayList<>(taken.size());
        taken.forEach((device, offered) -> {
            List<EdgeChange> unsent = up
                    ? TwinTable.edgeChanges(tx.connection(), device).values().stream()
                            .filter(c -> !c.sent())
                            .toList()
                    : List.of();
            if (offered.state().isEmpty() && offered.values().isEmpty() && unsent.isEmpty()) {
                return;
            }
            reports.add(new TwinReport(
                    device,
                    offered.state(),
                    List.copyOf(offered.values().values()),
                    unsent.stream().map(EdgeChange::toWire).toList()));
            unsent.forEach(c -> TwinTable.putEdgeChange(tx.connection(), device, c.markSent()));
        });
        return reports;
    }

    /** One message for all when the server takes {@code twin-reports} and it fits; split in halves when not. */
    private void append(StoreTransaction tx, List<TwinReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        if (reports.size() == 1 || !serverAccepts.test(MessageKind.TWIN_REPORTS)) {
            reports.forEach(report -> outbox.append(tx, report));
            return;
        }
        if (reports.size() <= TwinReports.MAX_REPORTS) {
            try {
                outbox.append(tx, new TwinReports(reports));
                return;
            } catch (ProtocolException e) {
                if (!"too-large".equals(e.code())) {
                    throw e;
                }
                // Encoding failed before anything was written: split and append the halves.
            }
        }
        int half = reports.size() / 2;
        append(tx, reports.subList(0, half));
        append(tx, reports.subList(half, reports.size()));
    }

    private static Map<String, ReportedValue> orderedByProperty(Collection<ReportedValue> values) {
        Map<String, ReportedValue> byProperty = new LinkedHashMap<>();
        values.forEach(v -> byProperty.put(v.property(), v));
        return byProperty;
    }
}
