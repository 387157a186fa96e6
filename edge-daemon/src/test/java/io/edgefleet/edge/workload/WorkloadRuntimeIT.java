package io.edgefleet.edge.workload;

import static io.edgefleet.edge.workload.WorkloadFixtures.shell;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.InstanceStatus;
import io.edgefleet.protocol.workload.RestartPolicy;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import io.edgefleet.testsupport.Wait;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime with real processes: start, stop, replace, restart policies, logs and the CLI. */
class WorkloadRuntimeIT {
    private static final WorkloadTemplate SLEEP = WorkloadTemplate.ofCommand(List.of("sleep", "1000"));

    @TempDir
    Path dataDir;

    private RuntimeHarness edge;

    @BeforeEach
    void start() {
        edge = new RuntimeHarness(dataDir).start();
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void desiredWorkloadRunsAndIsStoppedWhenRemoved() {
        edge.deploy(new DesiredWorkload("app", 1, SLEEP));
        InstanceRecord running = edge.awaitPhase("app", InstancePhase.RUNNING);
        long pid = running.pid().orElseThrow();
        assertThat(RuntimeHarness.alive(pid)).isTrue();
        assertThat(edge.processes()).hasSize(1);

        edge.remove("app");
        Wait.until(
                "app forgotten", RuntimeHarness.WAIT, () -> edge.instance("app").isEmpty());
        RuntimeHarness.awaitDead(pid);
        Wait.until("stop reported", RuntimeHarness.WAIT, () -> edge.reportedStatuses("app").stream()
                .anyMatch(s -> s.phase() == InstancePhase.STOPPED));
        assertThat(edge.reportedStatuses("app"))
                .extracting(InstanceStatus::phase)
                .contains(InstancePhase.RUNNING)
                .last()
                .isEqualTo(InstancePhase.STOPPED);
    }

    @Test
    void newGenerationWithTheSameTemplateKeepsTheProcess() {
        edge.deploy(new DesiredWorkload("app", 1, SLEEP));
        long pid = edge.awaitPhase("app", InstancePhase.RUNNING).pid().orElseThrow();

        edge.deploy(new DesiredWorkload("app", 2, SLEEP));
        InstanceRecord after = edge.await("app", "at generation 2", r -> r.generation() == 2);

        assertThat(after.pid()).contains(pid);
        assertThat(after.phase()).isEqualTo(InstancePhase.RUNNING);
        assertThat(RuntimeHarness.alive(pid)).isTrue();
    }

    @Test
    void changedTemplateReplacesTheProcess() {
        edge.deploy(new DesiredWorkload("app", 1, SLEEP));
        long pid = edge.awaitPhase("app", InstancePhase.RUNNING).pid().orElseThrow();

        WorkloadTemplate longer = WorkloadTemplate.ofCommand(List.of("sleep", "2000"));
        edge.deploy(new DesiredWorkload("app", 2, longer));
        InstanceRecord replaced = edge.await(
                "app",
                "running the new template",
                r -> r.fingerprint().equals(longer.fingerprint()) && r.phase() == InstancePhase.RUNNING);

        assertThat(replaced.pid()).isPresent().get().isNotEqualTo(pid);
        assertThat(replaced.restarts()).isZero();
        RuntimeHarness.awaitDead(pid);
        assertThat(edge.processes()).hasSize(1);
    }

    @Test
    void alwaysRestartsAfterEveryExitWithGrowingBackoff() {
        edge.deploy(new DesiredWorkload("crash", 1, shell("exit 3", RestartPolicy.ALWAYS, Map.of())));
        InstanceRecord r = edge.await("crash", "restarted 3 times", i -> i.restarts() >= 3);

        assertThat(r.lastExit()).contains(3);
        List<String> waits = edge.reportedStatuses("crash").stream()
                .filter(s -> s.phase() == InstancePhase.PENDING && s.message().contains("restarting in"))
                .map(s -> s.message().substring(s.message().indexOf("restarting in")))
                .distinct()
                .toList();
        assertThat(waits).startsWith("restarting in 200 ms", "restarting in 400 ms", "restarting in 800 ms");
    }

    @Test
    void onFailureCompletesAfterSuccessAndNeverLeavesAFailure() {
        edge.deploy(
                new DesiredWorkload("job", 1, shell("exit 0", RestartPolicy.ON_FAILURE, Map.of())),
                new DesiredWorkload("once", 1, shell("exit 5", RestartPolicy.NEVER, Map.of())));

        InstanceRecord job = edge.awaitPhase("job", InstancePhase.COMPLETED);
        InstanceRecord once = edge.awaitPhase("once", InstancePhase.FAILED);

        assertThat(job.lastExit()).contains(0);
        assertThat(job.restarts()).isZero();
        assertThat(once.lastExit()).contains(5);
        assertThat(once.restarts()).isZero();
    }

    @Test
    void commandThatCannotStartFailsWithAMessage() {
        edge.deploy(new DesiredWorkload("missing", 1, WorkloadTemplate.ofCommand(List.of("/nonexistent/program"))));
        InstanceRecord failed = edge.awaitPhase("missing", InstancePhase.FAILED);
        assertThat(failed.message()).contains("cannot start").contains("retrying in");
    }

    @Test
    void environmentWorkDirAndLogsAndTheLocalCommands() throws Exception {
        edge.deploy(new DesiredWorkload(
                "env",
                1,
                shell(
                        "echo \"$GREETING from $EDGEFLEET_WORKLOAD in $(pwd)\"; echo oops >&2; exec sleep 1000",
                        RestartPolicy.ALWAYS,
                        Map.of("GREETING", "hello"))));
        InstanceRecord running = edge.awaitPhase("env", InstancePhase.RUNNING);
        LogFiles files = edge.workloads().files("env");
        Wait.until("stdout written", RuntimeHarness.WAIT, () -> read(files.stdout())
                .contains("hello"));

        assertThat(Files.readString(files.stdout()))
                .isEqualTo("hello from env in " + files.workDir().toRealPath() + "\n");
        Wait.until("stderr written", RuntimeHarness.WAIT, () -> read(files.stderr())
                .contains("oops"));
        String environ = Files.readString(Path.of("/proc/" + running.pid().orElseThrow() + "/environ"));
        assertThat(environ).contains(ProcessLauncher.INSTANCE_ENV + "=" + running.token());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(LogsCommand.run(dataDir, "env", 10, true, print(out), print(new ByteArrayOutputStream())))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("oops\n");

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        assertThat(WorkloadsCommand.run(dataDir, true, print(json), print(new ByteArrayOutputStream())))
                .isZero();
        assertThat(json.toString(StandardCharsets.UTF_8))
                .contains("\"name\" : \"env\"")
                .contains("\"phase\" : \"Running\"")
                .contains("\"pid\" : " + running.pid().orElseThrow());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        WorkloadsCommand.run(dataDir, false, print(text), print(new ByteArrayOutputStream()));
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("NAME")
                .contains("env")
                .contains("Running");
    }

    @Test
    void statusReportsLandInTheOutboxInOrder() {
        edge.deploy(new DesiredWorkload("job", 1, shell("sleep 0.3; exit 0", RestartPolicy.ON_FAILURE, Map.of())));
        edge.awaitPhase("job", InstancePhase.COMPLETED);
        Wait.until("completion reported", RuntimeHarness.WAIT, () -> edge.reportedStatuses("job").stream()
                .anyMatch(s -> s.phase() == InstancePhase.COMPLETED));

        List<InstanceStatus> reported = edge.reportedStatuses("job");
        assertThat(reported)
                .extracting(InstanceStatus::phase)
                .containsSubsequence(InstancePhase.RUNNING, InstancePhase.COMPLETED);
        for (int i = 1; i < reported.size(); i++) {
            assertThat(reported.get(i).since())
                    .isAfterOrEqualTo(reported.get(i - 1).since());
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
