package io.edgefleet.edge.device.bus;

import io.edgefleet.edge.device.SetOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One set message from a workload: each value goes through the {@link DesiredSetter} on its own
 * (one refused value does not hold back the others) and gets its own {@link SetResult}. Used from
 * one thread (the bus's inbound thread).
 */
final class SetHandler {
    /** MQTT 5 user property naming the workload that publishes; it becomes {@code by = bus:<client>}. */
    static final String CLIENT_PROPERTY = "client";

    private static final Logger LOG = LoggerFactory.getLogger(SetHandler.class);
    /** What the server's {@code desired_by} column (96 characters) and an operator's eye can take. */
    private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final int MAX_REMEMBERED = 1_000;

    private final DesiredSetter setter;
    /** The last refusal logged per device and property: the same refusal again is logged at debug only. */
    private final Map<String, String> lastRefusal = new HashMap<>();

    SetHandler(DesiredSetter setter) {
        this.setter = setter;
    }

    /** {@code bus:<client>} for a client name that fits, else {@code bus:local}. */
    static String by(Optional<String> client) {
        return "bus:" + client.filter(c -> CLIENT.matcher(c).matches()).orElse("local");
    }

    List<SetResult> handle(String device, byte[] payload, String by) {
        return switch (BusPayloads.setRequest(payload)) {
            case SetRequest.Malformed malformed -> {
                refused(device, "*", by, SetResult.INVALID_PAYLOAD + ": " + malformed.reason());
                yield List.of(SetResult.malformed(malformed.reason()));
            }
            case SetRequest.Values values -> {
                List<SetResult> results = new ArrayList<>();
                values.values().forEach((property, value) -> {
                    SetOutcome outcome = setter.set(device, property, value, by);
                    if (outcome instanceof SetOutcome.Refused r) {
                        refused(device, property, by, r.code() + ": " + r.reason());
                    } else {
                        lastRefusal.remove(device + "." + property);
                        LOG.debug("EF3864 local bus set {}.{} = {} (by {}) recorded", device, property, value, by);
                    }
                    results.add(SetResult.of(property, outcome));
                });
                yield results;
            }
        };
    }

    private void refused(String device, String property, String by, String reason) {
        String key = device + "." + property;
        if (lastRefusal.size() >= MAX_REMEMBERED && !lastRefusal.containsKey(key)) {
            lastRefusal.clear(); // property names come from workloads: never let them grow this map without bound
        }
        if (reason.equals(lastRefusal.put(key, reason))) {
            LOG.debug("EF3863 local bus set of {} by {} refused again: {}", key, by, reason);
        } else {
            LOG.warn("EF3863 local bus set of {} by {} refused: {}", key, by, reason);
        }
    }
}
