package io.edgefleet.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN section 1: the desktop talks to the server over its public REST/SSE API only. The enforcer
 * bans the server modules as dependencies; this test also keeps their packages (and the test harness)
 * out of the app's sources, should they ever reach the class path another way.
 */
class DependencyDirectionTest {

    @Test
    void theAppImportsNoServerInternalsAndNoTestHarness() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            String text = Files.readString(p);
                            return text.contains("io.edgefleet.server") || text.contains("io.edgefleet.systemtest");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders)
                .as("because the desktop uses the public API only (DESIGN section 1)")
                .isEmpty();
    }
}
