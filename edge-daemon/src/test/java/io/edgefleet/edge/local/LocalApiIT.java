package io.edgefleet.edge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.edge.EdgeDaemon;
import io.edgefleet.edge.StopSignal;
import io.edgefleet.edge.config.ConfigKey;
import io.edgefleet.edge.testing.TestStores;
import io.edgefleet.edge.workload.LogFiles;
import io.edgefleet.testsupport.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in-process with its local API on and no broker at all: the API answers from the store as
 * the command line does, read-only, on the loopback address only.
 */
class LocalApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private EdgeDaemon daemon;
    private int port;

    @BeforeEach
    void start() throws IOException {
        TestStores.seed(dataDir, "tcp://127.0.0.1:" + Ports.free());
        Path log = Files.createDirectories(LogFiles.of(dataDir, "pump").dir()).resolve("stdout.log");
        Files.writeString(log, "pump started\npressure 4.2 bar\n");
        port = Ports.free();
        daemon = EdgeDaemon.start(
                TestStores.config(dataDir, Map.of(ConfigKey.LOCAL_API_PORT, Integer.toString(port))), new StopSignal());
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private record Answer(int status, JsonNode json) {}

    private Answer get(String path) throws IOException {
        return call("GET", path);
    }

    private Answer call(String method, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        connection.setRequestMethod(method);
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(status, JSON.readTree(in));
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void statusWorkloadsDevicesAndLogsAnswerFromTheStoreWithNoCloud() throws IOException {
        Answer status = get("/v1/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("node").asText()).isEqualTo(TestStores.NODE);
        assertThat(status.json().path("daemonRunning").asBoolean()).isTrue();

        assertThat(get("/v1/workloads").json().isArray()).isTrue();
        assertThat(get("/v1/devices").json().isArray()).isTrue();

        Answer logs = get("/v1/workloads/pump/logs?lines=1");
        assertThat(logs.status()).isEqualTo(200);
        assertThat(logs.json().path("lines").get(0).asText()).isEqualTo("pressure 4.2 bar");
    }

    @Test
    void unknownThingsAndWritesAreRefusedWithAReason() throws IOException {
        Answer twin = get("/v1/devices/boiler-9/twin");
        assertThat(twin.status()).isEqualTo(404);
        assertThat(twin.json().path("error").asText()).contains("no device 'boiler-9'");
        assertThat(get("/v1/workloads/ghost/logs").status()).isEqualTo(404);
        assertThat(get("/v1/workloads/pump/logs?stream=both").status()).isEqualTo(400);
        assertThat(get("/v1/nothing").status()).isEqualTo(404);
        assertThat(call("POST", "/v1/status").status()).isEqualTo(405);
    }

    @Test
    void itListensOnTheLoopbackAddressOnly() throws IOException {
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(n -> !isLoopback(n))
                .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address)
                .findFirst();
        if (outside.isPresent()) {
            assertThatThrownBy(() -> new Socket(outside.get(), port).close()).isInstanceOf(ConnectException.class);
        }
        try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(loopback.isConnected()).isTrue();
        }
    }

    private static boolean isLoopback(NetworkInterface network) {
        try {
            return network.isLoopback();
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
