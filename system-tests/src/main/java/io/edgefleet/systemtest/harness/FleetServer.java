package io.edgefleet.systemtest.harness;

import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The EdgeFleet server as an operator runs it: {@code wlp/bin/server run edgefleet} from the Liberty
 * install the build produces, configured only through environment variables. Each instance has its
 * own output directory (logs, workarea) and data directory, so instances never share state.
 */
public final class FleetServer implements AutoCloseable {
    public static final String ADMIN = "admin";
    private static final String SERVER_NAME = "edgefleet";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path wlp;
    private final Map<String, String> env;
    private final int httpPort;
    private final String adminPassword;
    private final Path home;
    private ManagedProcess process;

    private FleetServer(Path wlp, Path home, int httpPort, String adminPassword, Map<String, String> env) {
        this.wlp = wlp;
        this.home = home;
        this.httpPort = httpPort;
        this.adminPassword = adminPassword;
        this.env = env;
    }

    /**
     * Prepares (does not start) a server.
     *
     * @param root the repository root (the build puts Liberty under server-ear/server-app/target)
     * @param home a directory for this instance's data and logs
     * @param extraEnv FLEET_* settings on top of the defaults (e.g. an external broker)
     */
    public static FleetServer prepare(Path root, Path home, Map<String, String> extraEnv) {
        Path wlp = root.resolve("server-ear/server-app/target/liberty/wlp");
        if (!Files.isDirectory(wlp.resolve("usr/servers/" + SERVER_NAME))) {
            throw new IllegalStateException("no Liberty server at " + wlp + ": build first with ./fleet build");
        }
        int httpPort = Ports.free();
        String password = "it-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        Map<String, String> env = new HashMap<>();
        env.put("FLEET_HTTP_PORT", Integer.toString(httpPort));
        env.put("FLEET_HTTPS_PORT", Integer.toString(Ports.free()));
        env.put("FLEET_DATA_DIR", home.resolve("data").toString());
        env.put("FLEET_ADMIN_PASSWORD", password);
        env.put("FLEET_MQTT_PORT", Integer.toString(Ports.free()));
        env.put("WLP_OUTPUT_DIR", home.resolve("liberty").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(extraEnv);
        return new FleetServer(wlp, home, httpPort, password, Map.copyOf(env));
    }

    /** Starts the server and returns the time until /health/ready answered 200. */
    public synchronized Duration startAndAwaitReady(Duration timeout) {
        long start = System.nanoTime();
        process = ManagedProcess.start(
                "edgefleet server",
                List.of(wlp.resolve("bin/server").toString(), "run", SERVER_NAME),
                env,
                home,
                home.resolve("server.log"));
        try {
            Wait.until("the server to be ready (" + process + ")", timeout, Duration.ofMillis(100), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server stopped during start:\n" + process.tail(60));
                }
                return ready();
            });
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n--- server log ---\n" + process.tail(80), e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public FleetApi api() {
        return new FleetApi(baseUrl(), ADMIN, adminPassword);
    }

    public String env(String key) {
        return env.get(key);
    }

    public String logTail(int lines) {
        return process == null ? "(not started)" : process.tail(lines);
    }

    /** Stops the server the way an operator does ({@code server stop}), forcibly if that fails. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            ProcessBuilder stop = new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", SERVER_NAME)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("server-stop.log").toFile()))
                    .directory(home.toFile());
            stop.environment().putAll(env);
            if (!stop.start().waitFor(60, TimeUnit.SECONDS)) {
                process.kill();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.stop(20);
            process = null;
        }
    }

    /** SIGKILL of the server JVM and its launcher, as a crash would. */
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
