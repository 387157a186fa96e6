package io.edgefleet.edge.workload;

import io.edgefleet.protocol.workload.ResourceLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memory and CPU limits through Linux control groups: v2 when the daemon's own cgroup can hand the
 * {@code memory} and {@code cpu} controllers to children, else v1 when the {@code memory} and
 * {@code cpu} hierarchies are mounted and writable, else none (one {@code EF3520} warning, the
 * first time a workload asks for a limit). A workload with limits gets a group of its own under
 * the daemon's group, {@code <daemon group>/<prefix>/<workload>}; the process joins it before it
 * executes the workload's program (see {@link ProcessLauncher}).
 */
final class Cgroups {
    private static final Logger LOG = LoggerFactory.getLogger(Cgroups.class);
    private static final long CPU_PERIOD_US = 100_000;

    /** Which cgroup version is used, and where. */
    sealed interface Mode {
        record V2(Path parent) implements Mode {}

        record V1(Path memoryParent, Path cpuParent) implements Mode {}

        record None(String why) implements Mode {}
    }

    private final Mode mode;
    private final AtomicBoolean warned = new AtomicBoolean();

    Cgroups(Mode mode) {
        this.mode = mode;
    }

    /** Finds what this machine offers; {@code prefix} names the daemon's parent group. */
    static Cgroups detect(String prefix) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return new Cgroups(new Mode.None("not Linux"));
        }
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/self/mounts"));
            List<String> own = Files.readAllLines(Path.of("/proc/self/cgroup"));
            Optional<Mode> v2 = v2(mounts, own, prefix);
            if (v2.isPresent()) {
                return new Cgroups(v2.get());
            }
            Optional<Mode> v1 = v1(mounts, own, prefix);
            if (v1.isPresent()) {
                return new Cgroups(v1.get());
            }
            return new Cgroups(new Mode.None("neither cgroup v2 with memory and cpu controllers nor writable"
                    + " cgroup v1 memory and cpu hierarchies"));
        } catch (IOException | RuntimeException e) {
            return new Cgroups(new Mode.None("cannot read the cgroup setup: " + e));
        }
    }

    Mode mode() {
        return mode;
    }

    /**
     * Creates (or reuses) the group of {@code workload} with {@code limits}; returns its directories,
     * empty when there are no limits or no usable cgroups.
     */
    List<Path> prepare(String workload, ResourceLimits limits) {
        if (!limits.any()) {
            return List.of();
        }
        try {
            return switch (mode) {
                case Mode.V2 v2 -> {
                    Path group = v2.parent().resolve(workload);
                    Files.createDirectories(group);
                    if (limits.memoryMb() > 0) {
                        write(group.resolve("memory.max"), Long.toString(limits.memoryMb() * 1024 * 1024));
                        writeIfPresent(group.resolve("memory.swap.max"), "0");
                    }
                    if (limits.cpuMillis() > 0) {
                        write(group.resolve("cpu.max"), limits.cpuMillis() * 100 + " " + CPU_PERIOD_US);
                    }
                    yield List.of(group);
                }
                case Mode.V1 v1 -> {
                    List<Path> groups = new ArrayList<>();
                    if (limits.memoryMb() > 0) {
                        Path group = v1.memoryParent().resolve(workload);
                        Files.createDirectories(group);
                        long bytes = limits.memoryMb() * 1024 * 1024;
                        write(group.resolve("memory.limit_in_bytes"), Long.toString(bytes));
                        writeIfPresent(group.resolve("memory.memsw.limit_in_bytes"), Long.toString(bytes));
                        groups.add(group);
                    }
                    if (limits.cpuMillis() > 0) {
                        Path group = v1.cpuParent().resolve(workload);
                        Files.createDirectories(group);
                        write(group.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_US));
                        write(group.resolve("cpu.cfs_quota_us"), Long.toString(limits.cpuMillis() * 100));
                        groups.add(group);
                    }
                    yield groups;
                }
                case Mode.None none -> {
                    warnOnce(none.why());
                    yield List.of();
                }
            };
        } catch (IOException | RuntimeException e) {
            warnOnce("creating the group of " + workload + " failed: " + e);
            return List.of();
        }
    }

    /** Removes groups no process uses any more (best effort: a group with processes stays). */
    static void remove(String groups) {
        for (String group : groups.split(";")) {
            if (!group.isBlank()) {
                try {
                    Files.deleteIfExists(Path.of(group));
                } catch (IOException e) {
                    LOG.debug("cgroup {} not removed: {}", group, e.toString());
                }
            }
        }
    }

    /** Removes this daemon's parent groups if no workload group is left in them (best effort). */
    void removeParents() {
        List<Path> parents =
                switch (mode) {
                    case Mode.V2 v2 -> List.of(v2.parent());
                    case Mode.V1 v1 -> List.of(v1.memoryParent(), v1.cpuParent());
                    case Mode.None none -> List.of();
                };
        parents.forEach(parent -> remove(parent.toString()));
    }

    private void warnOnce(String why) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn(
                    "EF3520 workload memory/CPU limits are not enforced on this machine: {}."
                            + " Run the daemon as root with cgroup v1, or delegate a cgroup v2 subtree with the"
                            + " memory and cpu controllers (systemd: Delegate=yes)",
                    why);
        }
    }

    private static Optional<Mode> v2(List<String> mounts, List<String> own, String prefix) throws IOException {
        Optional<Path> mount = mountPoint(mounts, "cgroup2", null);
        Optional<String> path = ownPath(own, "");
        if (mount.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        Path self = under(mount.get(), path.get());
        Path controllers = self.resolve("cgroup.controllers");
        if (!Files.isReadable(controllers)) {
            return Optional.empty();
        }
        List<String> available = List.of(Files.readString(controllers).strip().split("\\s+"));
        if (!available.contains("memory") || !available.contains("cpu")) {
            return Optional.empty();
        }
        try {
            Path parent = self.resolve(prefix);
            Files.createDirectories(parent);
            write(self.resolve("cgroup.subtree_control"), "+memory +cpu");
            write(parent.resolve("cgroup.subtree_control"), "+memory +cpu");
            return Optional.of(new Mode.V2(parent));
        } catch (IOException e) {
            LOG.debug("cgroup v2 not usable: {}", e.toString());
            return Optional.empty();
        }
    }

    private static Optional<Mode> v1(List<String> mounts, List<String> own, String prefix) {
        Optional<Path> memory = mountPoint(mounts, "cgroup", "memory");
        Optional<Path> cpu = mountPoint(mounts, "cgroup", "cpu");
        Optional<String> memoryPath = ownPath(own, "memory");
        Optional<String> cpuPath = ownPath(own, "cpu");
        if (memory.isEmpty() || cpu.isEmpty() || memoryPath.isEmpty() || cpuPath.isEmpty()) {
            return Optional.empty();
        }
        Path memoryParent = under(memory.get(), memoryPath.get()).resolve(prefix);
        Path cpuParent = under(cpu.get(), cpuPath.get()).resolve(prefix);
        // Groups are created when a workload first needs one; here only whether that can work.
        if (!Files.isWritable(memoryParent.getParent())
                || !Files.isWritable(cpuParent.getParent())
                || !Files.exists(memoryParent.getParent().resolve("memory.limit_in_bytes"))
                || !Files.exists(cpuParent.getParent().resolve("cpu.cfs_quota_us"))) {
            LOG.debug("cgroup v1 not writable under {} and {}", memoryParent, cpuParent);
            return Optional.empty();
        }
        return Optional.of(new Mode.V1(memoryParent, cpuParent));
    }

    /** The mount point of a cgroup file system ({@code option} names a v1 controller, or null for v2). */
    private static Optional<Path> mountPoint(List<String> mounts, String type, String option) {
        for (String line : mounts) {
            String[] fields = line.split(" ");
            if (fields.length < 4 || !fields[2].equals(type)) {
                continue;
            }
            if (option == null || List.of(fields[3].split(",")).contains(option)) {
                return Optional.of(Path.of(fields[1]));
            }
        }
        return Optional.empty();
    }

    /** This process's path in the hierarchy with {@code controller} ("" for the v2 line). */
    private static Optional<String> ownPath(List<String> own, String controller) {
        for (String line : own) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            boolean match = controller.isEmpty()
                    ? fields[0].equals("0") && fields[1].isEmpty()
                    : List.of(fields[1].split(",")).contains(controller);
            if (match) {
                return Optional.of(fields[2]);
            }
        }
        return Optional.empty();
    }

    private static Path under(Path mount, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.isEmpty() ? mount : mount.resolve(relative);
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    private static void writeIfPresent(Path file, String value) {
        if (Files.exists(file)) {
            try {
                write(file, value);
            } catch (IOException e) {
                LOG.debug("{} not written: {}", file, e.toString());
            }
        }
    }
}
