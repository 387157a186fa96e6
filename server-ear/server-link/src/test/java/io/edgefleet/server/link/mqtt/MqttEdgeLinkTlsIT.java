package io.edgefleet.server.link.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.server.link.LinkState;
import io.edgefleet.server.link.testsupport.FakeNode;
import io.edgefleet.server.link.testsupport.RecordingHandler;
import io.edgefleet.server.link.testsupport.TestBroker;
import io.edgefleet.testsupport.MosquittoProcess;
import io.edgefleet.testsupport.TestCertificates;
import io.edgefleet.testsupport.Wait;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ssl://} links against Mosquitto with a TLS listener whose self-signed certificate the test
 * makes with openssl. The fake node uses a plain listener of the same broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttEdgeLinkTlsIT {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final String STORE_PASSWORD = "trust-me";

    private MosquittoProcess mosquitto;
    private Path trustStore;
    private int tlsPort;
    private int plainPort;

    @BeforeAll
    void startTlsBroker(@TempDir Path dir) throws Exception {
        // Mosquitto started as root drops to its own user, which must still read these files.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestCertificates.Pem pem = TestCertificates.selfSignedForLocalhost(dir);
        Path cert = pem.certificate();
        Path key = pem.privateKey();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        trustStore = trustStoreWith(cert, dir.resolve("trust.p12"));
        mosquitto = MosquittoProcess.builder(dir.resolve("mosquitto"))
                .tls(cert, key)
                .config("max_queued_messages 10000")
                .start();
        tlsPort = mosquitto.tlsPort();
        plainPort = mosquitto.port();
    }

    @AfterAll
    void stopBroker() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static Path trustStoreWith(Path certPem, Path storePath) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certPem)) {
            store.setCertificateEntry(
                    "broker", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(storePath)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
        return storePath;
    }

    @Test
    void linkConnectsOverTlsWithTheConfiguredTrustStore() throws Exception {
        MqttLinkConfig config = MqttLinkConfig.defaults("ssl://127.0.0.1:" + tlsPort, TestBroker.linkClientId("tls"))
                .withTrustStore(trustStore, STORE_PASSWORD);
        RecordingHandler handler = new RecordingHandler();
        try (MqttEdgeLink link = new MqttEdgeLink(config, CODEC);
                FakeNode edge = FakeNode.connect(
                        "tcp://127.0.0.1:" + plainPort,
                        TestBroker.clientIdOf("tls", "edge-1"),
                        "tls",
                        "edge-1",
                        Optional.empty(),
                        Optional.empty())) {
            link.start(handler);
            assertThat(link.state()).isEqualTo(LinkState.CONNECTED);

            edge.send(Envelope.of("edge-1", Instant.now(), new Heartbeat(0)));

            Wait.until("the heartbeat over TLS", () -> handler.messagesOf("tls").size() == 1);
        }
    }

    @Test
    void linkDoesNotConnectToABrokerItsTrustStoreDoesNotVouchFor() {
        MqttLinkConfig config =
                MqttLinkConfig.defaults("ssl://127.0.0.1:" + tlsPort, TestBroker.linkClientId("untrusted"));
        try (MqttEdgeLink link = new MqttEdgeLink(config, CODEC)) {
            link.start(new RecordingHandler());

            assertThat(link.state()).isEqualTo(LinkState.DISCONNECTED);
        }
    }
}
