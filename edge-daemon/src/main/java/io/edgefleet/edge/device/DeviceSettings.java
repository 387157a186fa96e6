package io.edgefleet.edge.device;

import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.device.driver.DriverCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The device manager's settings, defaults in code (tests shorten them). Collect and report cycles
 * come with each device's spec.
 *
 * @param openRetryMin first wait after a session could not be opened; doubles up to {@code openRetryMax}
 * @param openRetryMax longest wait between attempts to open a session
 * @param driverPlugins the directory of driver plug-ins; only the built-in drivers when empty
 */
public record DeviceSettings(Duration openRetryMin, Duration openRetryMax, Clock clock, Optional<Path> driverPlugins) {
    public static final DeviceSettings DEFAULT = new DeviceSettings(
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            Clock.systemUTC(),
            DriverCatalog.besideCodeOf(DeviceSettings.class));

    public DeviceSettings {
        Objects.requireNonNull(openRetryMin, "openRetryMin");
        Objects.requireNonNull(openRetryMax, "openRetryMax");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(driverPlugins, "driverPlugins");
        if (openRetryMin.isNegative() || openRetryMin.isZero() || openRetryMax.compareTo(openRetryMin) < 0) {
            throw new IllegalArgumentException("need 0 < openRetryMin <= openRetryMax");
        }
    }

    /** Settings with only the drivers on the class path (tests). */
    public DeviceSettings(Duration openRetryMin, Duration openRetryMax, Clock clock) {
        this(openRetryMin, openRetryMax, clock, Optional.empty());
    }

    /** The defaults, with the plug-in directory {@code drivers-dir} names, if it names one. */
    public static DeviceSettings of(EdgeConfig config) {
        return config.driversDir()
                .map(dir ->
                        new DeviceSettings(DEFAULT.openRetryMin, DEFAULT.openRetryMax, DEFAULT.clock, Optional.of(dir)))
                .orElse(DEFAULT);
    }

    /** The wait before attempt {@code failures + 1}. */
    Duration retryAfter(int failures) {
        Duration wait = openRetryMin;
        for (int i = 1; i < failures && wait.compareTo(openRetryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(openRetryMax) > 0 ? openRetryMax : wait;
    }
}
