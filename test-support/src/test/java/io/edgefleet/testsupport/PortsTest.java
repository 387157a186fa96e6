package io.edgefleet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortCanBeBoundOnLoopbackAndListeningSeesIt() throws IOException {
        int port = Ports.free();

        assertThat(Ports.listening(port)).isFalse();
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(server.getLocalPort()).isEqualTo(port);
            assertThat(Ports.listening(port)).isTrue();
        }
        assertThat(Ports.listening(port)).isFalse();
    }
}
