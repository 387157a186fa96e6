package io.edgefleet.desktop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of this JVM and of its two JavaFX threads. On a machine shared with other builds the wall-clock
 * figures swing with the load; the CPU a step took does not, so the bench prints it beside them.
 */
final class CpuClock {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU nanoseconds of the whole process: every thread, the JIT compilers and the garbage collector. */
    long process() {
        return os.getProcessCpuTime();
    }

    /** CPU nanoseconds of the calling thread; call it on the FX thread for the FX thread's. */
    long fxThread() {
        return threads.getCurrentThreadCpuTime();
    }

    /** CPU nanoseconds of Quantum's render thread ("QuantumRenderer-0"), 0 when it is not found. */
    long renderThread() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("QuantumRenderer")) {
                return threads.getThreadCpuTime(thread.threadId());
            }
        }
        return 0;
    }
}
