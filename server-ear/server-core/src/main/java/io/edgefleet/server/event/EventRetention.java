package io.edgefleet.server.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events older than the retention every few minutes, in chunks of {@value #CHUNK} (each its
 * own short transaction). Every cluster member runs it; concurrent runs only share the work.
 */
@ApplicationScoped
public class EventRetention {
    static final int CHUNK = 5_000;
    private static final int MAX_CHUNKS = 100;
    private static final long INTERVAL_MINUTES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);

    @Inject
    EventSettings settings;

    @Inject
    Events events;

    private final Clock clock = Clock.systemUTC();

    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler) {
        return scheduler.scheduleWithFixedDelay(this::run, 1, INTERVAL_MINUTES, TimeUnit.MINUTES);
    }

    void run() {
        try {
            var cutoff = clock.instant().minus(settings.retention());
            long total = 0;
            for (int chunk = 0; chunk < MAX_CHUNKS; chunk++) {
                int deleted = events.purge(cutoff, CHUNK);
                total += deleted;
                if (deleted < CHUNK) {
                    break;
                }
            }
            if (total > 0) {
                LOG.info(
                        "EF1170 deleted {} event(s) older than {} days",
                        total,
                        settings.retention().toDays());
            }
        } catch (RuntimeException e) {
            // The next run retries; a failing run must not end the schedule.
            LOG.warn("EF1171 deleting expired events failed, retrying: {}", e.toString());
        }
    }
}
