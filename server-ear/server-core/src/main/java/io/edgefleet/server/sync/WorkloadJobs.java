package io.edgefleet.server.sync;

import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import io.edgefleet.server.workload.Rollouts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic jobs of desired state: rollout steps, sync catch-up and compaction. Each is safe to
 * run on every cluster member at once (row locks and conditional statements), so no member is special.
 */
@ApplicationScoped
public class WorkloadJobs {
    private static final Logger LOG = LoggerFactory.getLogger(WorkloadJobs.class);
    private static final Duration COMPACTION_INTERVAL = Duration.ofMinutes(1);

    @Inject
    SyncSettings settings;

    @Inject
    Rollouts rollouts;

    @Inject
    SyncPusher pusher;

    @Inject
    Compaction compaction;

    @Inject
    Tenants tenants;

    public List<ScheduledFuture<?>> schedule(ScheduledExecutorService scheduler) {
        List<ScheduledFuture<?>> tasks = new ArrayList<>();
        tasks.add(every(scheduler, settings.rolloutInterval(), this::stepRollouts));
        tasks.add(every(scheduler, settings.catchUpInterval(), this::catchUp));
        tasks.add(every(scheduler, COMPACTION_INTERVAL, this::compact));
        return tasks;
    }

    void stepRollouts() {
        for (Object[] row : rollouts.underWay()) {
            TenantRef tenant = tenants.byId(((Number) row[0]).longValue());
            rollouts.step(tenant, (String) row[1]);
        }
    }

    void catchUp() {
        tenants.find(Tenants.DEFAULT).ifPresent(tenant -> pusher.catchUp(List.of(tenant)));
    }

    void compact() {
        compaction.compact(settings.changeLogRetention(), Instant.now());
    }

    private static ScheduledFuture<?> every(ScheduledExecutorService scheduler, Duration interval, Runnable job) {
        Runnable guarded = () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // The next run retries; a failing job must not end the schedule.
                LOG.warn("EF1121 periodic workload job failed, retrying: {}", e.toString());
            }
        };
        return scheduler.scheduleWithFixedDelay(
                guarded, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
