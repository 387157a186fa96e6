package io.edgefleet.edge.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.EdgeDaemon;
import io.edgefleet.edge.StopSignal;
import io.edgefleet.edge.config.ConfigKey;
import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.testing.FakeServer;
import io.edgefleet.edge.testing.TestStores;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.testsupport.MosquittoProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to the broker: a Mosquitto listener with a certificate made for this test (keytool, openssl),
 * trusted through the daemon's {@code mqtt-trust-store}. A plain listener on the same broker serves
 * the fake server.
 */
class TlsLinkIT {
    private static final String STORE_PASSWORD = "broker-store-pw";
    private static final String TRUST_PASSWORD = "trust-store-pw";

    @TempDir
    static Path dir;

    static MosquittoProcess broker;
    static int tlsPort;

    @BeforeAll
    static void startTlsBroker() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path brokerStore = dir.resolve("broker.p12");
        exec(List.of(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-keystore",
                brokerStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                STORE_PASSWORD));
        exec(List.of(
                "openssl",
                "pkcs12",
                "-in",
                brokerStore.toString(),
                "-passin",
                "pass:" + STORE_PASSWORD,
                "-nodes",
                "-nocerts",
                "-out",
                dir.resolve("key.pem").toString()));
        exec(List.of(
                "openssl",
                "pkcs12",
                "-in",
                brokerStore.toString(),
                "-passin",
                "pass:" + STORE_PASSWORD,
                "-nokeys",
                "-out",
                dir.resolve("cert.pem").toString()));
        exec(List.of(
                keytool.toString(),
                "-exportcert",
                "-alias",
                "broker",
                "-keystore",
                brokerStore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-file",
                dir.resolve("broker.cer").toString()));
        exec(List.of(
                keytool.toString(),
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                dir.resolve("broker.cer").toString(),
                "-keystore",
                dir.resolve("trust.p12").toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                TRUST_PASSWORD));
        // As the test's user: Mosquitto started as root would switch to its own user and could not read
        // the TLS files in the test's directory.
        broker = MosquittoProcess.builder(dir.resolve("broker"))
                .tls(dir.resolve("cert.pem"), dir.resolve("key.pem"))
                .config("user " + System.getProperty("user.name"))
                .start();
        tlsPort = broker.tlsPort();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command.getFirst(), output).isZero();
    }

    private EdgeDaemon daemon(Path dataDir, String node, boolean withTrustStore) {
        TestStores.seed(dataDir, node, broker.url());
        Map<ConfigKey, String> settings = new HashMap<>(Map.of(
                ConfigKey.NODE_NAME,
                node,
                ConfigKey.MQTT_URL,
                "ssl://127.0.0.1:" + tlsPort,
                ConfigKey.RECONNECT_MIN_MS,
                "50",
                ConfigKey.RECONNECT_MAX_MS,
                "200"));
        if (withTrustStore) {
            settings.put(ConfigKey.MQTT_TRUST_STORE, dir.resolve("trust.p12").toString());
            settings.put(ConfigKey.MQTT_TRUST_STORE_PASSWORD, TRUST_PASSWORD);
        }
        EdgeConfig config = TestStores.config(dataDir, settings);
        return EdgeDaemon.start(config, new StopSignal());
    }

    @Test
    void sslUrlConnectsThroughTheConfiguredTrustStore(@TempDir Path dataDir) {
        try (FakeServer server = FakeServer.connect(broker.url());
                EdgeDaemon daemon = daemon(dataDir, "tls-ok", true)) {
            server.await(MessageKind.HELLO, 1, Duration.ofSeconds(20));

            assertThat(daemon.link().connected()).isTrue();
        }
    }

    @Test
    void brokerCertificateOutsideTheTrustIsRefused(@TempDir Path dataDir) throws InterruptedException {
        try (FakeServer server = FakeServer.connect(broker.url());
                EdgeDaemon daemon = daemon(dataDir, "tls-untrusted", false)) {
            // Several attempts fail in this time (reconnect-max 200 ms); none may get through.
            long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(daemon.link().connected()).isFalse();
                Thread.sleep(50);
            }
            assertThat(server.received(MessageKind.HELLO)).isEmpty();
        }
    }
}
