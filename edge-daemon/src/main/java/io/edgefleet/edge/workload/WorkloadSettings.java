package io.edgefleet.edge.workload;

import io.edgefleet.edge.config.EdgeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The workload runtime's settings: from {@link EdgeConfig} where an operator may change them,
 * defaults in code for the rest (tests shorten them).
 *
 * @param dataDir the daemon's data directory; workloads live in {@code workloads/<name>/} below it
 * @param stopOnExit stop every workload when the daemon stops (default: leave them running)
 * @param period the periodic reconcile pass
 * @param backoff restart delays
 * @param statusWindow how long status changes gather before they go to the outbox as one report
 * @param logMaxBytes a log file larger than this is rotated
 * @param logKeep rotated copies kept per log file
 */
public record WorkloadSettings(
        Path dataDir,
        boolean stopOnExit,
        Duration period,
        RestartBackoff backoff,
        Duration statusWindow,
        long logMaxBytes,
        int logKeep,
        Clock clock) {
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(2);
    public static final Duration DEFAULT_STATUS_WINDOW = Duration.ofMillis(25);

    public WorkloadSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(statusWindow, "statusWindow");
        Objects.requireNonNull(clock, "clock");
        if (period.isNegative() || period.isZero() || logMaxBytes < 1 || logKeep < 0) {
            throw new IllegalArgumentException("need a positive period and log size, keep >= 0");
        }
    }

    public static WorkloadSettings of(EdgeConfig config) {
        return new WorkloadSettings(
                config.dataDir(),
                config.stopWorkloadsOnExit(),
                DEFAULT_PERIOD,
                RestartBackoff.DEFAULT,
                DEFAULT_STATUS_WINDOW,
                LogFiles.DEFAULT_MAX_BYTES,
                LogFiles.DEFAULT_KEEP,
                Clock.systemUTC());
    }

    public WorkloadSettings withBackoff(RestartBackoff value) {
        return new WorkloadSettings(dataDir, stopOnExit, period, value, statusWindow, logMaxBytes, logKeep, clock);
    }

    public WorkloadSettings withStopOnExit(boolean value) {
        return new WorkloadSettings(dataDir, value, period, backoff, statusWindow, logMaxBytes, logKeep, clock);
    }
}
