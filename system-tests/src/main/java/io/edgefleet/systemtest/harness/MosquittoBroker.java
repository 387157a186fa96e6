package io.edgefleet.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Mosquitto process on a loopback port of its own, which a test can stop and start again on the
 * same port to cut the link between the server and its edges.
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private final Path dir;
    private final int port;
    private ManagedProcess process;

    private MosquittoBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static MosquittoBroker start(Path dir) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Mosquitto is missing: install it with 'apt-get install mosquitto'"
                    + " (./fleet test does this itself)");
        }
        MosquittoBroker broker = new MosquittoBroker(dir, Ports.free());
        broker.start();
        return broker;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
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
                    String.join(
                            "\n",
                            "listener " + port + " 127.0.0.1",
                            "allow_anonymous true",
                            "persistence false",
                            "max_inflight_messages 100",
                            "max_queued_messages 10000",
                            ""));
            process = ManagedProcess.start(
                    "mosquitto",
                    List.of(BINARY.toString(), "-c", conf.toString()),
                    Map.of(),
                    dir,
                    dir.resolve("mosquitto.log"));
            Wait.until(
                    "Mosquitto to listen on " + port, Duration.ofSeconds(10), Duration.ofMillis(50), this::listening);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(5);
            process = null;
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
