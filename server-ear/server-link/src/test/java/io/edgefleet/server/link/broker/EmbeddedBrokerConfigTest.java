package io.edgefleet.server.link.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerConfigTest {

    @Test
    void toStringNeverShowsTheServerPassword() {
        EmbeddedBrokerConfig config =
                new EmbeddedBrokerConfig("127.0.0.1", 11883, Path.of("data/broker"), "edgefleet-server", "pa55word");

        assertThat(config.toString())
                .doesNotContain("pa55word")
                .contains("11883")
                .contains("edgefleet-server");
    }

    @Test
    void serverAccountCannotLookLikeANodeAccount() {
        assertThatThrownBy(() -> new EmbeddedBrokerConfig("127.0.0.1", 0, Path.of("d"), "server@default", "pw"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portOutOfRangeAndEmptyPasswordAreRefused() {
        assertThatThrownBy(() -> new EmbeddedBrokerConfig("127.0.0.1", 70_000, Path.of("d"), "s", "pw"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmbeddedBrokerConfig("127.0.0.1", 0, Path.of("d"), "s", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
