package io.edgefleet.edge.workload;

import io.edgefleet.protocol.workload.Probe;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.nio.file.Path;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ticks an instance's probes on the decision thread and runs each check on a virtual thread (a
 * check may block up to its timeout); the result comes back to the decision thread. A tick is
 * skipped while the previous check of the same probe is still running, and results of a process
 * that was replaced meanwhile are dropped (its token no longer matches).
 */
final class ProbeSchedule {

    /** Receives a probe's result on the decision thread. */
    interface Results {
        void probed(LiveInstance instance, Probe probe, boolean readiness, boolean passed);
    }

    private final ScheduledExecutorService thread;
    private final Path dataDir;
    private final Results results;

    ProbeSchedule(ScheduledExecutorService thread, Path dataDir, Results results) {
        this.thread = thread;
        this.dataDir = dataDir;
        this.results = results;
    }

    /** Schedules the probes of the instance's current process; {@link LiveInstance#cancelTimers} ends them. */
    void start(LiveInstance instance) {
        String token = instance.record.token();
        WorkloadTemplate template = instance.record.template();
        template.readinessProbe().ifPresent(p -> instance.timers.add(every(p, () -> tick(instance, token, p, true))));
        template.livenessProbe().ifPresent(p -> instance.timers.add(every(p, () -> tick(instance, token, p, false))));
    }

    private java.util.concurrent.ScheduledFuture<?> every(Probe probe, Runnable tick) {
        return thread.scheduleWithFixedDelay(
                Reconciler.guarded(tick),
                probe.initialDelaySeconds() * 1000L,
                probe.periodSeconds() * 1000L,
                TimeUnit.MILLISECONDS);
    }

    private void tick(LiveInstance instance, String token, Probe probe, boolean readiness) {
        if (!instance.record.token().equals(token) || instance.handle.isEmpty()) {
            return;
        }
        if (readiness ? instance.readinessInFlight : instance.livenessInFlight) {
            return;
        }
        setInFlight(instance, readiness, true);
        WorkloadTemplate template = instance.record.template();
        LogFiles files = LogFiles.of(dataDir, instance.record.name());
        Thread.ofVirtual().name("edge-probe").start(() -> {
            boolean passed = Probes.check(probe, template, files);
            try {
                thread.execute(Reconciler.guarded(() -> {
                    setInFlight(instance, readiness, false);
                    if (instance.record.token().equals(token) && instance.handle.isPresent()) {
                        results.probed(instance, probe, readiness, passed);
                    }
                }));
            } catch (RejectedExecutionException e) {
                // the runtime stopped meanwhile: the result no longer matters
            }
        });
    }

    private static void setInFlight(LiveInstance instance, boolean readiness, boolean value) {
        if (readiness) {
            instance.readinessInFlight = value;
        } else {
            instance.livenessInFlight = value;
        }
    }
}
