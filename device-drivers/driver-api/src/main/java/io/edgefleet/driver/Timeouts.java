package io.edgefleet.driver;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a driver waits for a device.
 *
 * @param connect longest time {@link DeviceDriver#open} (and each reconnect attempt) waits for the
 *     peer to accept a connection
 * @param request longest time one {@link DriverSession#read} or {@link DriverSession#write} waits
 *     for the device's answer; a driver that batches properties into several requests applies it to
 *     each request
 */
public record Timeouts(Duration connect, Duration request) {

    /** 5 s to connect, 2 s per request: generous for a LAN, short enough to keep a worker moving. */
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(2));

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(request, "request");
        if (connect.isNegative() || connect.isZero() || request.isNegative() || request.isZero()) {
            throw new IllegalArgumentException(
                    "timeouts must be positive: connect " + connect + ", request " + request);
        }
    }
}
