package io.edgefleet.server.it.support;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from the server's Prometheus text at /metrics. */
public final class Metrics {
    private Metrics() {}

    /**
     * The value of {@code name} (e.g. {@code edgefleet_link_refused_total}) whose labels include {@code
     * label="value"}; 0 when the series does not exist yet.
     */
    public static double value(String name, String label, String value) {
        Reply reply = FleetClient.anonymous().get("/metrics?scope=application", Map.of("Accept", "text/plain"));
        if (reply.status() != 200) {
            throw new AssertionError("/metrics answered " + reply);
        }
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(reply.body());
        while (matcher.find()) {
            if (matcher.group(1).contains(label + "=\"" + value + "\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }
}
