package io.edgefleet.systemtest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.systemtest.harness.FleetApi;
import java.time.Duration;
import java.util.Optional;

/**
 * A desired value set through REST ({@code PATCH /devices/{d}/twin}) until the twin shows it
 * reported: sent down in {@code sync}, written to the device by the daemon, read back at its next
 * collect, reported at its next report cycle and stored by the server. The twin is polled every 5 ms.
 */
final class DesiredLatency {
    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DesiredLatency() {}

    /** Milliseconds of each of {@code sets} sets of {@code property}, one after another. */
    static double[] measure(FleetApi api, String device, String property, int sets) {
        String twin = "/api/v1/devices/" + device + "/twin";
        double[] millis = new double[sets];
        for (int i = 0; i < sets; i++) {
            double value = 1000 + i;
            long start = System.nanoTime();
            api.mergePatch(twin, "{\"desired\":{\"" + property + "\":" + value + "}}");
            long deadline = start + TIMEOUT.toNanos();
            while (!reported(api.get(twin), property, value)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            device + "." + property + " did not report " + value + " within " + TIMEOUT);
                }
                sleep(POLL);
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
            if ((i + 1) % 25 == 0) {
                Figures.progress((i + 1) + "/" + sets + " desired values reported");
            }
        }
        return millis;
    }

    private static boolean reported(JsonNode twin, String property, double value) {
        Optional<JsonNode> found = Optional.empty();
        for (JsonNode p : twin.path("properties")) {
            if (property.equals(p.path("name").asText())) {
                found = Optional.of(p);
            }
        }
        return found.map(p -> p.path("reported").path("value").isNumber()
                        && p.path("reported").path("value").asDouble() == value)
                .orElse(false);
    }

    static double percentile(double[] millis, double fraction) {
        double[] sorted = millis.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * fraction) - 1)];
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
