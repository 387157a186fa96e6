package io.edgefleet.edge.workload;

import io.edgefleet.edge.config.ConfigKey;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts and signals workload processes. A process gets the daemon's environment without its own
 * {@code EDGEFLEET_*} settings (they may hold secrets), then the template's variables, then {@code
 * EDGEFLEET_WORKLOAD}, {@code EDGEFLEET_INSTANCE} (the spawn's token, how the daemon finds it again
 * after a crash) and {@code EDGEFLEET_ARTIFACT}. Its working directory is the workload's {@code
 * work/}; stdout and stderr append straight to the log files. With cgroups, a tiny {@code /bin/sh}
 * prelude writes its own pid into each group's {@code cgroup.procs} and then {@code exec}s the
 * program: the pid stays the same and the limit holds before the program's first instruction.
 */
final class ProcessLauncher {
    static final String INSTANCE_ENV = ConfigKey.ENV_PREFIX + "INSTANCE";
    static final String ARTIFACT_ENV = ConfigKey.ENV_PREFIX + "ARTIFACT";
    static final String WORKLOAD_ENV = ConfigKey.ENV_PREFIX + "WORKLOAD";
    static final String ARTIFACT_PLACEHOLDER = "${artifact}";

    private static final String JOIN_CGROUPS =
            "n=$1; shift; i=0; while [ \"$i\" -lt \"$n\" ]; do echo $$ > \"$1\" || exit 126; shift;"
                    + " i=$((i+1)); done; exec \"$@\"";

    private ProcessLauncher() {}

    /** The program and its arguments, with {@code ${artifact}} replaced by the artifact's path. */
    static List<String> commandLine(WorkloadTemplate template, Optional<Path> artifact) {
        List<String> line = new ArrayList<>();
        if (template.command().isEmpty()) {
            line.add(artifact.orElseThrow(() -> new IllegalArgumentException("no command and no artifact"))
                    .toString());
        } else {
            template.command().forEach(part -> line.add(substitute(part, artifact)));
        }
        template.args().forEach(arg -> line.add(substitute(arg, artifact)));
        return line;
    }

    private static String substitute(String text, Optional<Path> artifact) {
        if (!text.contains(ARTIFACT_PLACEHOLDER)) {
            return text;
        }
        return text.replace(
                ARTIFACT_PLACEHOLDER,
                artifact.map(Path::toString)
                        .orElseThrow(() -> new IllegalArgumentException(
                                ARTIFACT_PLACEHOLDER + " is used but the workload has no artifact")));
    }

    static Process spawn(
            String workload,
            WorkloadTemplate template,
            Optional<Path> artifact,
            String token,
            LogFiles files,
            List<Path> cgroups)
            throws IOException {
        files.prepare();
        List<String> command = new ArrayList<>();
        if (!cgroups.isEmpty()) {
            command.addAll(
                    List.of("/bin/sh", "-c", JOIN_CGROUPS, "edgefleet-cgroup", Integer.toString(cgroups.size())));
            cgroups.forEach(group -> command.add(group.resolve("cgroup.procs").toString()));
        }
        command.addAll(commandLine(template, artifact));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(files.workDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.stdout().toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(files.stderr().toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith(ConfigKey.ENV_PREFIX));
        env.putAll(template.env());
        env.put(WORKLOAD_ENV, workload);
        env.put(INSTANCE_ENV, token);
        artifact.ifPresent(path -> env.put(ARTIFACT_ENV, path.toString()));
        return builder.start();
    }

    /** The process and every descendant now, root first. */
    static Set<ProcessHandle> tree(ProcessHandle root) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    /** SIGTERM to the whole tree; returns the handles signalled, for the SIGKILL that may follow. */
    static Set<ProcessHandle> terminate(ProcessHandle root) {
        Set<ProcessHandle> tree = tree(root);
        tree.forEach(ProcessHandle::destroy);
        return tree;
    }

    /** SIGKILL to what is left of {@code signalled} and to the root's descendants now. */
    static void kill(ProcessHandle root, Set<ProcessHandle> signalled) {
        Set<ProcessHandle> tree = new LinkedHashSet<>(signalled);
        if (root.isAlive()) {
            tree.addAll(tree(root));
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
