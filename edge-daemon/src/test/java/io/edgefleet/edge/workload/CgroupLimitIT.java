package io.edgefleet.edge.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.ResourceLimits;
import io.edgefleet.protocol.workload.RestartPolicy;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import io.edgefleet.testsupport.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A memory limit is really enforced on this machine: a child allocating past it is killed. */
class CgroupLimitIT {
    private static final String ALLOCATE_256_MB =
            "import time\nblocks = []\nfor i in range(64):\n    blocks.append(bytearray(4 * 1024 * 1024))\n"
                    + "print('allocated', len(blocks) * 4, 'MB', flush=True)\n";

    @TempDir
    Path dataDir;

    private RuntimeHarness edge;

    @BeforeEach
    void start() {
        edge = new RuntimeHarness(dataDir).start();
        String mode = edge.workloads().cgroupMode();
        if (mode.equals("none")) {
            throw new IllegalStateException("no usable cgroups here: run the tests as root on a machine with cgroup v1"
                    + " memory and cpu hierarchies mounted, or a delegated cgroup v2 subtree (see EF3520 in the log)");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            throw new IllegalStateException("/usr/bin/python3 is needed to allocate memory: apt-get install python3");
        }
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    private static List<String> procs(Path group) {
        try {
            return Files.readAllLines(group.resolve("cgroup.procs"));
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static WorkloadTemplate allocate(ResourceLimits limits) {
        return WorkloadFixtures.template(
                List.of("/usr/bin/python3", "-c", ALLOCATE_256_MB),
                List.of(),
                Map.of(),
                RestartPolicy.NEVER,
                Optional.empty(),
                Optional.empty(),
                limits,
                Optional.empty());
    }

    @Test
    void processAllocatingPastItsMemoryLimitIsKilled() throws Exception {
        edge.deploy(
                new DesiredWorkload("limited", 1, allocate(new ResourceLimits(48, 0))),
                new DesiredWorkload("free", 1, allocate(ResourceLimits.NONE)));

        InstanceRecord limited = edge.awaitPhase("limited", InstancePhase.FAILED);
        InstanceRecord free = edge.awaitPhase("free", InstancePhase.COMPLETED);

        assertThat(limited.lastExit()).contains(137); // SIGKILL from the OOM killer
        assertThat(free.lastExit()).contains(0);
        assertThat(Files.readString(edge.workloads().files("free").stdout())).contains("allocated 256 MB");
        assertThat(Files.readString(edge.workloads().files("limited").stdout())).doesNotContain("allocated");
    }

    @Test
    void cpuLimitIsWrittenToTheWorkloadsGroup() throws Exception {
        edge.deploy(new DesiredWorkload(
                "cpu",
                1,
                WorkloadFixtures.template(
                        List.of("sleep", "1000"),
                        List.of(),
                        Map.of(),
                        RestartPolicy.ALWAYS,
                        Optional.empty(),
                        Optional.empty(),
                        new ResourceLimits(0, 250),
                        Optional.empty())));
        InstanceRecord running = edge.awaitPhase("cpu", InstancePhase.RUNNING);
        Path group = Path.of(running.cgroup());
        String pid = Long.toString(running.pid().orElseThrow());
        // The process joins its group itself, before it executes the workload's program.
        Wait.until("pid in the group", RuntimeHarness.WAIT, () -> procs(group).contains(pid));
        Path quota = group.resolve(Files.exists(group.resolve("cpu.max")) ? "cpu.max" : "cpu.cfs_quota_us");
        assertThat(Files.readString(quota)).startsWith("25000");
    }
}
