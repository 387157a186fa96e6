package io.edgefleet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.MessageKind.Channel;
import io.edgefleet.protocol.Topics.TopicAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void topicsFollowHonosLayout() {
        assertThat(Topics.event("acme", "edge-1")).isEqualTo("event/acme/edge-1");
        assertThat(Topics.telemetry("acme", "edge-1")).isEqualTo("telemetry/acme/edge-1");
        assertThat(Topics.commandRequest("acme", "edge-1", "r1", "sync")).isEqualTo("command/acme/edge-1/req/r1/sync");
        assertThat(Topics.commandResponse("acme", "edge-1", "r1", 200)).isEqualTo("command/acme/edge-1/res/r1/200");
        assertThat(Topics.sharedFilter(Topics.ALL_EVENTS)).isEqualTo("$share/edgefleet/event/+/+");
    }

    @Test
    void generatedTopicsParseBack() {
        assertThat(Topics.parse(Topics.event("acme", "edge-1")))
                .contains(new TopicAddress(Channel.EVENT, "acme", "edge-1", "", ""));
        assertThat(Topics.parse(Topics.telemetry("acme", "edge-1")))
                .contains(new TopicAddress(Channel.TELEMETRY, "acme", "edge-1", "", ""));
        assertThat(Topics.parse(Topics.commandResponse("acme", "edge-1", "r9", 412)))
                .contains(new TopicAddress(Channel.COMMAND_RESPONSE, "acme", "edge-1", "r9", "412"));
        assertThat(Topics.parse(Topics.commandRequest("acme", "edge-1", "r9", "ack")))
                .contains(new TopicAddress(Channel.COMMAND, "acme", "edge-1", "r9", "ack"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "event",
                "event/acme",
                "event/acme/edge-1/extra",
                "event/ACME/edge-1",
                "event/acme/+",
                "event/acme/#",
                "event//edge-1",
                "status/acme/edge-1",
                "command/acme/edge-1/req/r1",
                "command/acme/edge-1/put/r1/x",
                "command/acme/edge-1/req//x",
            })
    void foreignOrMalformedTopicsAreNotOurs(String topic) {
        assertThat(Topics.parse(topic)).isEmpty();
    }
}
