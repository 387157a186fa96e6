package io.edgefleet.edge.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.protocol.workload.ArtifactRef;
import io.edgefleet.protocol.workload.ResourceLimits;
import io.edgefleet.protocol.workload.RestartPolicy;
import io.edgefleet.protocol.workload.WorkloadRuntime;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessLauncherTest {
    private static final ArtifactRef TOOL = new ArtifactRef("tool", "a".repeat(64), 10);

    private static WorkloadTemplate template(List<String> command, List<String> args) {
        return new WorkloadTemplate(
                WorkloadRuntime.PROCESS,
                Optional.of(TOOL),
                command,
                args,
                Map.of(),
                RestartPolicy.ALWAYS,
                Optional.empty(),
                Optional.empty(),
                ResourceLimits.NONE,
                5);
    }

    @Test
    void artifactPlaceholderIsReplacedInCommandAndArguments() {
        Path file = Path.of("/cache/ab/tool");
        assertThat(ProcessLauncher.commandLine(
                        template(List.of("/bin/sh", "${artifact}"), List.of("--config=${artifact}.conf")),
                        Optional.of(file)))
                .containsExactly("/bin/sh", "/cache/ab/tool", "--config=/cache/ab/tool.conf");
    }

    @Test
    void withoutACommandTheArtifactItselfRuns() {
        assertThat(ProcessLauncher.commandLine(template(List.of(), List.of("-v")), Optional.of(Path.of("/c/tool"))))
                .containsExactly("/c/tool", "-v");
    }

    @Test
    void placeholderWithoutAnArtifactIsAnError() {
        WorkloadTemplate plain = WorkloadTemplate.ofCommand(List.of("echo", "${artifact}"));
        assertThatThrownBy(() -> ProcessLauncher.commandLine(plain, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no artifact");
    }
}
