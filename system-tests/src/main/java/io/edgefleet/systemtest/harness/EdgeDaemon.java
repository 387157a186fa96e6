package io.edgefleet.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An edge daemon process started through its real launcher script, as on an edge PC. */
public final class EdgeDaemon implements AutoCloseable {
    private final Path root;
    private final Path dataDir;
    private final Map<String, String> env;
    private ManagedProcess process;

    private EdgeDaemon(Path root, Path dataDir, Map<String, String> env) {
        this.root = root;
        this.dataDir = dataDir;
        this.env = env;
    }

    /**
     * @param settings EDGEFLEET_* settings on top of server URL, node name and data directory
     */
    public static EdgeDaemon prepare(
            Path root, Path dataDir, String serverUrl, String node, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        env.put("EDGEFLEET_SERVER_URL", serverUrl);
        env.put("EDGEFLEET_NODE_NAME", node);
        env.put("EDGEFLEET_DATA_DIR", dataDir.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(settings);
        return new EdgeDaemon(root, dataDir, env);
    }

    public synchronized EdgeDaemon start(String enrollmentToken) {
        Map<String, String> runEnv = new HashMap<>(env);
        runEnv.put("EDGEFLEET_ENROLLMENT_TOKEN", enrollmentToken);
        process = ManagedProcess.start(
                "edge daemon", command("run"), runEnv, dataDir.getParent(), dataDir.resolveSibling("edge.log"));
        return this;
    }

    /** The daemon's data directory (its store is {@code edge.db} in it). */
    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Resident set size of the daemon's JVM in MiB, read from /proc as ps does. */
    public double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("no VmRSS for pid " + pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code edgefleet-edge status --json} against the store and returns its output. */
    public String status() {
        try {
            ProcessBuilder status = new ProcessBuilder(command("status", "--json"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .directory(dataDir.getParent().toFile());
            status.environment().putAll(env);
            Process started = status.start();
            byte[] out = started.getInputStream().readAllBytes();
            if (!started.waitFor(30, TimeUnit.SECONDS) || started.exitValue() != 0) {
                throw new IllegalStateException("status failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a local command printed and its exit status. */
    public record CliResult(int exitCode, String output) {}

    /** Runs a local command of the daemon ({@code set}, {@code twin}, ...) against its store, as on site. */
    public CliResult cli(String... args) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command(args))
                    .redirectErrorStream(true)
                    .directory(dataDir.getParent().toFile());
            builder.environment().putAll(env);
            Process started = builder.start();
            byte[] out = started.getInputStream().readAllBytes();
            if (!started.waitFor(30, TimeUnit.SECONDS)) {
                started.destroyForcibly();
                throw new IllegalStateException("edgefleet-edge " + String.join(" ", args) + " did not end in 30 s");
            }
            return new CliResult(started.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("edge-daemon/src/main/dist/edgefleet-edge").toString());
        command.addAll(List.of(args));
        return command;
    }

    public String logTail(int lines) {
        return process == null ? "(not started)" : process.tail(lines);
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(10);
            process = null;
        }
    }

    /** SIGKILL of the daemon's JVM alone, as a crash would: the workloads it started keep running. */
    public synchronized void crash() {
        if (process != null) {
            process.crash();
            process = null;
        }
    }

    /** SIGKILL of the daemon and every process below it, as a power cut would. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
