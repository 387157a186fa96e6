package io.edgefleet.edge.workload;

import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.protocol.WorkloadStatusReport;
import io.edgefleet.protocol.workload.InstanceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns instance state changes into {@code workload-status} reports in the outbox. Changes within
 * {@code window} of the first one go into one report (the latest state per workload, in the order
 * the workloads first changed), which keeps deploy-to-Running fast at the server without one
 * message per transition. The outbox never drops them; offline they queue in order.
 */
final class StatusPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final Outbox outbox;
    private final ScheduledExecutorService scheduler;
    private final Duration window;
    private final Map<String, InstanceStatus> pending = new LinkedHashMap<>();
    private boolean scheduled;

    StatusPublisher(Outbox outbox, ScheduledExecutorService scheduler, Duration window) {
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.window = window;
    }

    synchronized void changed(InstanceStatus status) {
        pending.put(status.workload(), status);
        if (!scheduled) {
            scheduled = true;
            try {
                scheduler.schedule(this::flush, window.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                scheduled = false;
                flush();
            }
        }
    }

    /** Appends what is pending now. */
    synchronized void flush() {
        scheduled = false;
        if (pending.isEmpty()) {
            return;
        }
        List<InstanceStatus> instances = new ArrayList<>(pending.values());
        pending.clear();
        try {
            outbox.append(new WorkloadStatusReport(instances));
        } catch (RuntimeException e) {
            LOG.error(
                    "EF3530 workload status report could not be queued ({} instances): {}",
                    instances.size(),
                    e.toString());
        }
    }
}
