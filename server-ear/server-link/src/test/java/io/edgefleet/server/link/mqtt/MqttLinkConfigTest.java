package io.edgefleet.server.link.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.server.link.LinkException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttLinkConfigTest {

    @Test
    void toStringNeverShowsPasswords() {
        MqttLinkConfig config = MqttLinkConfig.defaults("ssl://broker:8883", "server-1")
                .withCredentials("edgefleet-server", "s3cret-pass")
                .withTrustStore(Path.of("/etc/edgefleet/trust.p12"), "store-pass");

        assertThat(config.toString())
                .doesNotContain("s3cret-pass")
                .doesNotContain("store-pass")
                .contains("edgefleet-server")
                .contains("ssl://broker:8883");
    }

    @Test
    void defaultsAreAnonymousAndPlain() {
        MqttLinkConfig config = MqttLinkConfig.defaults("tcp://127.0.0.1:11883", "server-1");

        assertThat(config.username()).isEmpty();
        assertThat(config.password()).isEmpty();
        assertThat(config.maxInflight()).isEqualTo(MqttLinkConfig.DEFAULT_MAX_INFLIGHT);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.tls()).isFalse();
    }

    @Test
    void nonsenseIsRefusedWhenTheConfigIsMade() {
        assertThatThrownBy(() -> MqttLinkConfig.defaults("http://x:1", "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MqttLinkConfig.defaults("tcp://x:1", " "))
                .isInstanceOf(IllegalArgumentException.class);
        MqttLinkConfig valid = MqttLinkConfig.defaults("tcp://x:1", "s");
        assertThatThrownBy(() -> new MqttLinkConfig(
                        valid.serverUri(),
                        valid.clientId(),
                        valid.username(),
                        valid.password(),
                        0,
                        valid.connectTimeout(),
                        valid.trustStore(),
                        valid.trustStorePassword()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unreadableTrustStoreIsALinkErrorWithAHint(@TempDir Path dir) {
        MqttLinkConfig config =
                MqttLinkConfig.defaults("ssl://127.0.0.1:8883", "s").withTrustStore(dir.resolve("missing.p12"), "pw");

        assertThatThrownBy(() -> new MqttEdgeLink(config, new ProtocolCodec()))
                .isInstanceOf(LinkException.class)
                .satisfies(e -> {
                    LinkException link = (LinkException) e;
                    assertThat(link.code()).isEqualTo("link-tls-config");
                    assertThat(link.hint()).isNotBlank();
                    assertThat(link.getMessage()).doesNotContain("pw");
                });
    }
}
