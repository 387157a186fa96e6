package io.edgefleet.server.link.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.SyncResult;
import io.edgefleet.server.link.InboundMessage;
import io.edgefleet.server.link.RejectedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboundValidatorTest {
    private static final ProtocolCodec CODEC = new ProtocolCodec(4096);
    private final InboundValidator validator = new InboundValidator(CODEC);

    private static byte[] hello(String node) {
        return CODEC.encode(Envelope.of(node, Instant.now(), new Hello("1.0", 0, 0, Instant.now())));
    }

    private InboundMessage accepted(String topic, byte[] payload) {
        InboundValidator.Outcome outcome = validator.validate(topic, payload);
        assertThat(outcome).isInstanceOf(InboundValidator.Outcome.Accepted.class);
        return ((InboundValidator.Outcome.Accepted) outcome).message();
    }

    private RejectedMessage refused(String topic, byte[] payload) {
        InboundValidator.Outcome outcome = validator.validate(topic, payload);
        assertThat(outcome).isInstanceOf(InboundValidator.Outcome.Refused.class);
        return ((InboundValidator.Outcome.Refused) outcome).rejected();
    }

    @Test
    void helloOnItsNodesEventTopicIsAccepted() {
        InboundMessage message = accepted("event/acme/edge-1", hello("edge-1"));

        assertThat(message.tenant()).isEqualTo("acme");
        assertThat(message.node()).isEqualTo("edge-1");
        assertThat(message.channel()).isEqualTo(MessageKind.Channel.EVENT);
        assertThat(message.requestId()).isEmpty();
        assertThat(message.status()).isZero();
    }

    @Test
    void commandResponseCarriesRequestIdAndStatus() {
        byte[] payload = CODEC.encode(Envelope.of("edge-1", Instant.now(), new SyncResult(3)));

        InboundMessage message = accepted("command/acme/edge-1/res/r42/200", payload);

        assertThat(message.channel()).isEqualTo(MessageKind.Channel.COMMAND_RESPONSE);
        assertThat(message.requestId()).isEqualTo("r42");
        assertThat(message.status()).isEqualTo(200);
    }

    @Test
    void topicsThatAreNotUpstreamEdgeFleetTopicsAreUnknown() {
        assertThat(refused("event/ACME/edge-1", hello("edge-1")).code()).isEqualTo("unknown-topic");
        assertThat(refused("event/acme/edge-1/extra", hello("edge-1")).code()).isEqualTo("unknown-topic");
        assertThat(refused("status/acme/edge-1", hello("edge-1")).code()).isEqualTo("unknown-topic");
        assertThat(refused("command/acme/edge-1/req/r1/sync", hello("edge-1")).code())
                .isEqualTo("unknown-topic");
        assertThat(refused("command/acme/edge-1/res/r1/ok", hello("edge-1")).code())
                .isEqualTo("unknown-topic");
        assertThat(refused("command/acme/edge-1/res/r1/999", hello("edge-1")).code())
                .isEqualTo("unknown-topic");
    }

    @Test
    void codecRefusalsKeepTheirCode() {
        assertThat(refused("event/acme/edge-1", "{oops".getBytes(StandardCharsets.UTF_8))
                        .code())
                .isEqualTo("malformed-json");
        assertThat(refused("event/acme/edge-1", new byte[5000]).code()).isEqualTo("too-large");
        assertThat(refused("event/acme/edge-1", new byte[0]).code()).isEqualTo("malformed-json");
    }

    @Test
    void envelopeOfAnotherNodeIsANodeMismatch() {
        RejectedMessage rejected = refused("event/acme/edge-1", hello("edge-2"));

        assertThat(rejected.code()).isEqualTo("node-mismatch");
        assertThat(rejected.reason()).contains("edge-2").contains("edge-1");
    }

    @Test
    void kindOnAnotherChannelIsWrongChannel() {
        byte[] heartbeat = CODEC.encode(Envelope.of("edge-1", Instant.now(), new Heartbeat(0)));

        assertThat(refused("event/acme/edge-1", heartbeat).code()).isEqualTo("wrong-channel");
        assertThat(refused("telemetry/acme/edge-1", hello("edge-1")).code()).isEqualTo("wrong-channel");
        assertThat(refused("command/acme/edge-1/res/r1/200", hello("edge-1")).code())
                .isEqualTo("wrong-channel");
    }

    @Test
    void hostileTopicsAreCutAndStrippedOfControlCharacters() {
        String topic = "event/acme/edge-1\n2026-01-01 INFO forged line" + "x".repeat(500);

        RejectedMessage rejected = refused(topic, hello("edge-1"));

        assertThat(rejected.topic()).doesNotContain("\n").hasSizeLessThanOrEqualTo(240);
    }
}
