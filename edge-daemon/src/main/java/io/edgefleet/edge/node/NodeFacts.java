package io.edgefleet.edge.node;

import io.edgefleet.edge.AgentVersion;
import io.edgefleet.protocol.NodeCondition;
import io.edgefleet.protocol.NodeStatusReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What this machine is: operating system, architecture, host name, processors, memory. Read from
 * cheap sources first ({@code /proc} on Linux) so that the daemon does not load JMX or wait for DNS
 * just to learn its own name.
 */
public final class NodeFacts {
    private NodeFacts() {}

    /** The report the daemon sends through the outbox when any of these values changes. */
    public static NodeStatusReport currentReport(List<NodeCondition> conditions) {
        return new NodeStatusReport(
                AgentVersion.current(),
                System.getProperty("os.name", "unknown"),
                System.getProperty("os.arch", "unknown"),
                hostname(),
                Runtime.getRuntime().availableProcessors(),
                memoryMb(),
                conditions);
    }

    /** This host's name; never blank. */
    public static String hostname() {
        return readFirstLine(Path.of("/proc/sys/kernel/hostname"))
                .or(() -> env("COMPUTERNAME"))
                .or(() -> env("HOSTNAME"))
                .or(NodeFacts::resolvedHostname)
                .orElse("localhost");
    }

    /** Physical memory in MiB; 0 when it cannot be known. */
    public static long memoryMb() {
        // /proc first: asking the JVM loads JMX, which costs resident memory for the daemon's lifetime.
        return procMemTotalMb().orElseGet(() -> {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize() / (1024 * 1024);
            }
            return 0L;
        });
    }

    private static Optional<Long> procMemTotalMb() {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.isReadable(meminfo)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(meminfo, StandardCharsets.US_ASCII);
            return lines.stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024);
        } catch (IOException | NumberFormatException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readFirstLine(Path path) {
        try {
            if (!Files.isReadable(path)) {
                return Optional.empty();
            }
            String text = Files.readString(path, StandardCharsets.UTF_8).strip();
            return text.isEmpty()
                    ? Optional.empty()
                    : Optional.of(text.lines().findFirst().orElse(text));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<String> resolvedHostname() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
