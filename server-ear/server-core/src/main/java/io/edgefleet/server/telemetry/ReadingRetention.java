package io.edgefleet.server.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes readings older than the retention, in chunks of {@value #CHUNK} rows (each its own short
 * transaction) and at most {@value #MAX_CHUNKS} chunks per run, so a long backlog never holds locks or
 * a transaction for long. Every cluster member runs it; concurrent runs only share the work.
 */
@ApplicationScoped
public class ReadingRetention {
    static final int CHUNK = 5_000;
    static final int MAX_CHUNKS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ReadingRetention.class);

    @Inject
    TelemetrySettings settings;

    @Inject
    TelemetryStore store;

    @Inject
    TelemetryMetrics metrics;

    private final Clock clock = Clock.systemUTC();

    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler) {
        long millis = settings.purgeInterval().toMillis();
        return scheduler.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
    }

    void run() {
        try {
            long deleted = purge();
            if (deleted > 0) {
                LOG.info(
                        "EF1504 deleted {} reading(s) older than {} hours",
                        deleted,
                        settings.retention().toHours());
            }
        } catch (RuntimeException e) {
            // The next run retries; a failing run must not end the schedule.
            LOG.warn("EF1505 deleting expired readings failed, retrying: {}", e.toString());
        }
    }

    /** One run: chunk after chunk until fewer than a chunk are left or the run's bound is reached. */
    public long purge() {
        var cutoff = clock.instant().minus(settings.retention());
        long total = 0;
        for (int chunk = 0; chunk < MAX_CHUNKS; chunk++) {
            int deleted = store.purge(cutoff, CHUNK);
            total += deleted;
            metrics.purged(deleted);
            if (deleted < CHUNK) {
                break;
            }
        }
        return total;
    }
}
