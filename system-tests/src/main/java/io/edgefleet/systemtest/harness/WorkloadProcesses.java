package io.edgefleet.systemtest.harness;

import java.util.List;

/**
 * Finds workload processes on this machine by their command line, as an engineer would with {@code
 * ps}: the tests give every workload a unique {@code sleep} duration that serves as its marker.
 */
public final class WorkloadProcesses {
    private WorkloadProcesses() {}

    /** Pids of live processes whose command line is exactly {@code sleep <marker>}. */
    public static List<Long> sleeping(long marker) {
        String wanted = "sleep " + marker;
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.endsWith(wanted))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** SIGKILLs every process of {@link #sleeping}, as a power cut would. */
    public static void killAll(long marker) {
        for (Long pid : sleeping(marker)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
