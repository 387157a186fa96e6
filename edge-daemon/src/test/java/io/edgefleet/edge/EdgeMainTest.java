package io.edgefleet.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.edge.config.ConfigKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EdgeMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(String... args) {
        return EdgeMain.execute(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runIsTheDefaultCommand() {
        CommandLine line = CommandLine.parse();

        assertThat(line.command()).isEqualTo(CommandLine.Command.RUN);
        assertThat(line.config()).isEmpty();
    }

    @Test
    void statusTakesConfigAndJson() {
        CommandLine line = CommandLine.parse("status", "--config", "/etc/edgefleet/edge.properties", "--json");

        assertThat(line.command()).isEqualTo(CommandLine.Command.STATUS);
        assertThat(line.config()).isEqualTo(Optional.of(Path.of("/etc/edgefleet/edge.properties")));
        assertThat(line.json()).isTrue();
        assertThat(CommandLine.parse("--config=edge.properties").config()).contains(Path.of("edge.properties"));
    }

    @Test
    void helpListsEverySettingWithItsEnvironmentVariable() {
        assertThat(execute("--help")).isZero();

        String help = out.toString(StandardCharsets.UTF_8);
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(help).contains(key.key()).contains(key.envName());
        }
        assertThat(help).contains("EDGEFLEET_LOG_LEVEL").contains("status");
    }

    @Test
    void versionIsPrinted() {
        assertThat(execute("--version")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("edgefleet-edge ")
                .doesNotContain("${");
    }

    @Test
    void unknownArgumentIsAUsageError() {
        assertThat(execute("--frobnicate")).isEqualTo(EdgeException.EXIT_USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown argument '--frobnicate'")
                .contains("--help");
    }

    @Test
    void jsonOnlyGoesWithStatus() {
        assertThatThrownBy(() -> CommandLine.parse("run", "--json"))
                .isInstanceOf(EdgeException.class)
                .hasMessageContaining("--json");
        assertThatThrownBy(() -> CommandLine.parse("run", "status")).isInstanceOf(EdgeException.class);
    }
}
