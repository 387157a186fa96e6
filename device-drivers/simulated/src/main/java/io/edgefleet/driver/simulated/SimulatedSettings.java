package io.edgefleet.driver.simulated;

import io.edgefleet.driver.ConfigCheck;
import io.edgefleet.driver.DeviceConnection;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A simulated device's connection settings: the faults it fakes and the seed of its random walks.
 *
 * @param unreachable {@code open} fails with code {@code unreachable}
 * @param failAfterReads the device stops answering after this many successful reads
 * @param failForReads it answers again after this many failed reads; absent: never
 * @param latency how long each read and write takes; at or above the request timeout it times out
 * @param seed the default seed of every random walk, mixed with the property name
 */
record SimulatedSettings(
        boolean unreachable, OptionalLong failAfterReads, OptionalLong failForReads, Duration latency, long seed) {

    static final String UNREACHABLE = "unreachable";
    static final String FAIL_AFTER_READS = "fail-after-reads";
    static final String FAIL_FOR_READS = "fail-for-reads";
    static final String LATENCY_MS = "latency-ms";
    static final String SEED = "seed";
    static final Set<String> KEYS = Set.of(UNREACHABLE, FAIL_AFTER_READS, FAIL_FOR_READS, LATENCY_MS, SEED);

    private static final Duration MAX_LATENCY = Duration.ofMinutes(1);

    /** Reads the settings of {@code connection}, recording problems in {@code check}. */
    static SimulatedSettings read(ConfigCheck check, DeviceConnection connection) {
        ConfigCheck.Section config = check.config();
        boolean unreachable = config.bool(UNREACHABLE, false);
        OptionalLong failAfter = config.integer(FAIL_AFTER_READS, 0, Long.MAX_VALUE);
        OptionalLong failFor = config.integer(FAIL_FOR_READS, 1, Long.MAX_VALUE);
        if (failFor.isPresent() && config.text(FAIL_AFTER_READS).isEmpty()) {
            config.report(FAIL_FOR_READS, "applies only together with " + FAIL_AFTER_READS);
        }
        Duration latency = config.millis(LATENCY_MS, Duration.ZERO, MAX_LATENCY);
        // String.hashCode is specified, so the default seed is the same on every JVM and run.
        long seed = config.integer(SEED, connection.device().hashCode(), Long.MIN_VALUE, Long.MAX_VALUE);
        config.allowOnly(KEYS);
        return new SimulatedSettings(unreachable, failAfter, failFor, latency, seed);
    }

    /** Whether the device fails its {@code readNumber}-th read (counting from 1). */
    boolean failsRead(long readNumber) {
        if (failAfterReads.isEmpty() || readNumber <= failAfterReads.getAsLong()) {
            return false;
        }
        return failForReads.isEmpty() || readNumber <= failAfterReads.getAsLong() + failForReads.getAsLong();
    }
}
