package io.edgefleet.edge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker process on an ephemeral loopback port, with Mosquitto's default limits
 * (20 in-flight messages per client). It can be killed and started again on the same port. It runs as
 * the test's user (Mosquitto started as root would switch to its own user and could not read the
 * test's TLS files).
 */
public final class Mosquitto implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private final String extraConfig;
    private Process process;

    private Mosquitto(Path dir, int port, String extraConfig) {
        this.dir = dir;
        this.port = port;
        this.extraConfig = extraConfig;
    }

    /** Starts a broker; fails (never skips) when Mosquitto is not installed. */
    public static Mosquitto start(Path dir) {
        return start(dir, "");
    }

    /** Starts a broker with further configuration lines (more listeners, TLS files). */
    public static Mosquitto start(Path dir, String extraConfig) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("Mosquitto is missing at " + BINARY
                    + ": install it with 'apt-get install mosquitto' (./fleet test does this itself)");
        }
        Mosquitto broker = new Mosquitto(dir, Ports.free(), extraConfig);
        broker.start();
        return broker;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(
                    conf,
                    "user " + System.getProperty("user.name") + "\nlistener " + port
                            + " 127.0.0.1\nallow_anonymous true\npersistence false\n" + extraConfig);
            process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("mosquitto.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Wait.until("Mosquitto to listen on " + port, Duration.ofSeconds(10), this::listening);
    }

    /** SIGKILL, as a crashed broker or a cut cable would look to the clients. */
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

    private boolean listening() {
        if (process != null && !process.isAlive()) {
            throw new AssertionError(
                    "Mosquitto exited with " + process.exitValue() + "; see " + dir.resolve("mosquitto.log"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        kill();
    }
}
