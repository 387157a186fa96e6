package io.edgefleet.protocol.workload;

import java.util.List;
import java.util.Objects;

/**
 * A liveness or readiness check. Exec probes use {@code command}; http and tcp probes use {@code
 * port} (and {@code path} for http) on 127.0.0.1.
 *
 * @param failureThreshold consecutive failures before the probe counts as failed
 */
public record Probe(
        ProbeType type,
        List<String> command,
        int port,
        String path,
        int initialDelaySeconds,
        int periodSeconds,
        int timeoutSeconds,
        int failureThreshold) {

    public Probe {
        Objects.requireNonNull(type, "type");
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        path = Objects.requireNonNullElse(path, "/");
        switch (type) {
            case EXEC -> require(!command.isEmpty(), "an exec probe needs a command");
            case HTTP, TCP -> require(port > 0 && port < 65_536, "an http or tcp probe needs a port 1-65535");
        }
        require(path.startsWith("/"), "an http probe path starts with '/'");
        require(initialDelaySeconds >= 0, "initialDelaySeconds must not be negative");
        require(periodSeconds >= 1, "periodSeconds must be at least 1");
        require(timeoutSeconds >= 1, "timeoutSeconds must be at least 1");
        require(failureThreshold >= 1, "failureThreshold must be at least 1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
