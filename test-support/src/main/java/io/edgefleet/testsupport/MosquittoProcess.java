package io.edgefleet.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker process with a plain listener on a free loopback port, anonymous access and no
 * persistence; optionally a TLS listener on a second free port and further configuration lines. A test
 * can stop or kill it and start it again on the same ports. Only this process is ever signalled, through
 * its own PID.
 *
 * <pre>{@code
 * try (MosquittoProcess broker = MosquittoProcess.start(dir)) { ... broker.url() ... }
 *
 * MosquittoProcess broker = MosquittoProcess.builder(dir)
 *         .tls(certPem, keyPem)
 *         .config("max_queued_messages 10000")
 *         .start();
 * }</pre>
 *
 * <p>Without {@link Builder#config config} lines the broker keeps Mosquitto's default limits (20 in-flight
 * and 1000 queued messages per client). Started as root, Mosquitto switches to its own user unless the
 * configuration says {@code user root}; that user must be able to read the TLS files.
 */
public final class MosquittoProcess implements AutoCloseable {
    static final String MISSING = "Mosquitto is missing: apt-get install mosquitto (./fleet test installs it)";
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final long STOP_GRACE_SECONDS = 5;
    private static final long KILL_WAIT_SECONDS = 10;

    private record TlsFiles(Path certFile, Path keyFile) {}

    private record Tls(int port, TlsFiles files) {}

    private final Path binary;
    private final Path dir;
    private final int port;
    private final Optional<Tls> tls;
    private final List<String> config;
    private Process process;

    private MosquittoProcess(Path binary, Path dir, int port, Optional<Tls> tls, List<String> config) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.tls = tls;
        this.config = config;
    }

    /** A broker with the plain listener only; its configuration and log go to {@code dir}. */
    public static MosquittoProcess start(Path dir) {
        return builder(dir).start();
    }

    /** A broker to configure before it starts; its configuration and log go to {@code dir}. */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** What a broker starts with. Ports are chosen when it starts for the first time. */
    public static final class Builder {
        private final Path dir;
        private final List<String> config = new ArrayList<>();
        private Optional<TlsFiles> tlsFiles = Optional.empty();
        private Path binary = BINARY;

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** Adds a TLS listener on a free loopback port with this certificate chain and key (PEM files). */
        public Builder tls(Path certFile, Path keyFile) {
            this.tlsFiles = Optional.of(new TlsFiles(certFile, keyFile));
            return this;
        }

        /**
         * Adds lines to the configuration, after the defaults and before the TLS listener: general
         * options such as {@code user root}, {@code max_inflight_messages 100} or {@code
         * max_queued_messages 10000}.
         */
        public Builder config(String... lines) {
            config.addAll(Arrays.asList(lines));
            return this;
        }

        /** For this module's tests: a binary somewhere else. */
        Builder binary(Path path) {
            this.binary = path;
            return this;
        }

        /**
         * Starts the broker and waits until every listener accepts connections.
         *
         * @throws IllegalStateException when Mosquitto is not installed (tests fail, they never skip), when
         *     it exits (see its log) or does not listen within 10 s
         */
        public MosquittoProcess start() {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(MISSING);
            }
            int port = Ports.free();
            Optional<Tls> tls = tlsFiles.map(files -> new Tls(freePortOtherThan(port), files));
            MosquittoProcess broker = new MosquittoProcess(binary, dir, port, tls, List.copyOf(config));
            try {
                broker.start();
            } catch (RuntimeException e) {
                broker.kill();
                throw e;
            }
            return broker;
        }

        private static int freePortOtherThan(int taken) {
            int port = Ports.free();
            while (port == taken) {
                port = Ports.free();
            }
            return port;
        }
    }

    /** The plain listener's port. */
    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:port}, the plain listener. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /**
     * The TLS listener's port.
     *
     * @throws IllegalStateException when the broker was built without {@link Builder#tls TLS}
     */
    public int tlsPort() {
        return tls.orElseThrow(() -> new IllegalStateException("this Mosquitto has no TLS listener"))
                .port();
    }

    /** {@code ssl://127.0.0.1:tlsPort}, the TLS listener; see {@link #tlsPort()}. */
    public String tlsUrl() {
        return "ssl://127.0.0.1:" + tlsPort();
    }

    /** Mosquitto's output, appended across restarts. */
    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the broker again on the same ports and waits until it listens; does nothing while it runs.
     *
     * @throws IllegalStateException when it exits (see its {@link #log() log}) or does not listen in time
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Path conf = dir.resolve("mosquitto.conf");
        try {
            Files.createDirectories(dir);
            Files.writeString(conf, configuration());
            process = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Mosquitto with " + conf, e);
        }
        Process started = process;
        Wait.until("Mosquitto to listen on " + ports(), READY_TIMEOUT, () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("Mosquitto exited with " + started.exitValue() + "; see " + log());
            }
            return Ports.listening(port)
                    && tls.map(t -> Ports.listening(t.port())).orElse(true);
        });
    }

    /** SIGTERM, and SIGKILL if it has not ended after 5 s. The ports stay reserved for {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        process = null;
    }

    /** SIGKILL, as a crashed broker or a cut cable looks to its clients. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public synchronized String toString() {
        return "Mosquitto on " + ports() + (process == null ? " (stopped)" : " (pid " + process.pid() + ")") + ", log "
                + log();
    }

    private String ports() {
        return tls.map(t -> port + " and " + t.port() + " (TLS)").orElse(Integer.toString(port));
    }

    private String configuration() {
        List<String> lines = new ArrayList<>();
        lines.add("# written by " + MosquittoProcess.class.getName());
        lines.add("listener " + port + " 127.0.0.1");
        lines.add("allow_anonymous true");
        lines.add("persistence false");
        lines.addAll(config);
        tls.ifPresent(t -> {
            lines.add("listener " + t.port() + " 127.0.0.1");
            lines.add("certfile " + t.files().certFile());
            lines.add("keyfile " + t.files().keyFile());
        });
        return String.join("\n", lines) + "\n";
    }
}
