package io.edgefleet.edge.device.bus;

import io.edgefleet.protocol.Names;
import java.util.Objects;
import java.util.Optional;

/**
 * The local bus's topic names, the contract with workload authors (docs/architecture/edge-daemon.md,
 * "Local bus"). Device and property names are DNS labels, so they never hold a {@code /} or a
 * wildcard and every topic below has exactly the levels shown.
 *
 * @param prefix ends with {@code /}, holds no wildcard ({@code edgefleet/} by default)
 */
public record BusTopics(String prefix) {
    static final String SET = "set";
    private static final String DEVICES = "devices/";

    public BusTopics {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.endsWith("/") || prefix.contains("+") || prefix.contains("#")) {
            throw new IllegalArgumentException("a topic prefix ends with / and holds no wildcard: " + prefix);
        }
    }

    /** {@code {prefix}devices/{device}/reported/{property}}: retained, the latest reading. */
    public String reported(String device, String property) {
        return device(device) + "reported/" + property;
    }

    /** {@code {prefix}devices/{device}/state}: retained, {@code Online} or {@code Offline}. */
    public String state(String device) {
        return device(device) + "state";
    }

    /** {@code {prefix}devices/{device}/delta}: retained, desired values the device does not hold yet. */
    public String delta(String device) {
        return device(device) + "delta";
    }

    /** {@code {prefix}devices/{device}/desired/set}: workloads publish desired values here. */
    public String set(String device) {
        return device(device) + "desired/" + SET;
    }

    /** {@code {prefix}devices/{device}/desired/result}: the answer to every value of a set. */
    public String result(String device) {
        return device(device) + "desired/result";
    }

    /** {@code {prefix}daemon/state}: retained, {@code Online} while the daemon is on the bus. */
    public String daemonState() {
        return prefix + "daemon/state";
    }

    /** The filter the daemon subscribes to: every device's set topic. */
    public String setFilter() {
        return prefix + DEVICES + "+/desired/" + SET;
    }

    /** Every topic of a device starts with this. */
    public String device(String device) {
        return prefix + DEVICES + device + "/";
    }

    /**
     * The device a set message is for, when {@code topic} is a set topic of a valid device name.
     * Anything else (other levels, a name that cannot be a device) is empty.
     */
    public Optional<String> setDevice(String topic) {
        if (!topic.startsWith(prefix + DEVICES)) {
            return Optional.empty();
        }
        String[] levels = topic.substring(prefix.length() + DEVICES.length()).split("/", -1);
        if (levels.length != 3 || !"desired".equals(levels[1]) || !SET.equals(levels[2])) {
            return Optional.empty();
        }
        return Optional.of(levels[0]).filter(Names::isValid);
    }
}
