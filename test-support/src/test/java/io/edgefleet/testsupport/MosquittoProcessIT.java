package io.edgefleet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real /usr/sbin/mosquitto, as the modules' tests use it. */
class MosquittoProcessIT {
    @TempDir
    Path dir;

    @Test
    void plainListenerWithDefaultsAndExtraLines() throws IOException {
        try (MosquittoProcess broker = MosquittoProcess.builder(dir)
                .config("max_inflight_messages 100", "max_queued_messages 10000")
                .start()) {
            assertThat(broker.isRunning()).isTrue();
            assertThat(Ports.listening(broker.port())).isTrue();
            assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());
            assertThat(Files.readAllLines(dir.resolve("mosquitto.conf")))
                    .containsSubsequence(
                            "listener " + broker.port() + " 127.0.0.1",
                            "allow_anonymous true",
                            "persistence false",
                            "max_inflight_messages 100",
                            "max_queued_messages 10000");
            assertThatThrownBy(broker::tlsPort).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void stoppedOrKilledBrokerStartsAgainOnTheSamePort() {
        try (MosquittoProcess broker = MosquittoProcess.start(dir)) {
            int port = broker.port();

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(Ports.listening(port)).isFalse();
            broker.start();
            assertThat(Ports.listening(port)).isTrue();

            broker.kill();
            assertThat(Ports.listening(port)).isFalse();
            broker.start();
            assertThat(broker.port()).isEqualTo(port);
            assertThat(Ports.listening(port)).isTrue();
        }
    }

    @Test
    void tlsListenerNextToThePlainOne() throws Exception {
        TestCertificates.Pem pem = TestCertificates.selfSignedForLocalhost(dir);
        Path cert = pem.certificate();
        Path key = pem.privateKey();

        // As root, Mosquitto would switch to its own user, which cannot read the temporary directory.
        try (MosquittoProcess broker = MosquittoProcess.builder(dir.resolve("broker"))
                .tls(cert, key)
                .config("user " + System.getProperty("user.name"))
                .start()) {
            assertThat(broker.tlsPort()).isNotEqualTo(broker.port());
            assertThat(broker.tlsUrl()).isEqualTo("ssl://127.0.0.1:" + broker.tlsPort());
            assertThat(Ports.listening(broker.tlsPort())).isTrue();
            assertThat(Ports.listening(broker.port())).isTrue();
        }
    }

    @Test
    void brokerThatExitsFailsPointingToItsLog() {
        assertThatThrownBy(() ->
                        MosquittoProcess.builder(dir).config("no_such_option 1").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Mosquitto exited with ")
                .hasMessageEndingWith("see " + dir.resolve("mosquitto.log"));
    }

    @Test
    void missingBinaryFailsWithTheInstallHint() {
        assertThatThrownBy(() -> MosquittoProcess.builder(dir)
                        .binary(dir.resolve("no-mosquitto"))
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Mosquitto is missing: apt-get install mosquitto (./fleet test installs it)");
    }
}
