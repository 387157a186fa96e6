package io.edgefleet.server.link.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto process on a loopback port of its own, which a test can kill and start again on
 * the same port.
 */
public final class MosquittoProcess implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private final List<String> extraConfig;
    private Process process;

    private MosquittoProcess(Path dir, int port, List<String> extraConfig) {
        this.dir = dir;
        this.port = port;
        this.extraConfig = extraConfig;
    }

    /** Anonymous access on a free loopback port. */
    public static MosquittoProcess start(Path dir) {
        return start(dir, List.of("listener " + Ports.free() + " 127.0.0.1"));
    }

    /** {@code config} starts with the {@code listener} line; {@code allow_anonymous true} is added. */
    public static MosquittoProcess start(Path dir, List<String> config) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    "Mosquitto is missing at " + BINARY + ": install it with 'apt-get install mosquitto'");
        }
        int port = Integer.parseInt(config.getFirst().split(" ")[1]);
        MosquittoProcess mosquitto = new MosquittoProcess(dir, port, config);
        mosquitto.start();
        return mosquitto;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized void start() {
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("mosquitto.conf");
            StringBuilder text = new StringBuilder();
            extraConfig.forEach(line -> text.append(line).append('\n'));
            text.append("allow_anonymous true\npersistence false\nmax_queued_messages 10000\n");
            Files.writeString(conf, text);
            process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("mosquitto.log").toFile()))
                    .start();
            Wait.until("Mosquitto to listen on " + port, Duration.ofSeconds(10), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "Mosquitto exited with " + process.exitValue() + "; see " + dir.resolve("mosquitto.log"));
                }
                return Ports.listening(port);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        process = null;
    }
}
