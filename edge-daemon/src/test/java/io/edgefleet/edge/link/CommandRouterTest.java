package io.edgefleet.edge.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Heartbeat;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.SyncResult;
import io.edgefleet.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandRouterTest {
    private final ProtocolCodec codec = new ProtocolCodec();
    private final List<Envelope> acks = new ArrayList<>();
    private final CommandRouter router = new CommandRouter(
            "default",
            "edge-1",
            codec,
            Clock.systemUTC(),
            Map.of(
                    MessageKind.ACK,
                    command -> {
                        acks.add(command);
                        return new CommandOutcome.NoReply();
                    },
                    MessageKind.SYNC,
                    command -> new CommandOutcome.Reply(200, new SyncResult(((Sync) command.body()).toVersion()))));

    private byte[] encode(String node, MessageBody body) {
        return codec.encode(Envelope.of(node, Instant.now(), body));
    }

    private static String request(String node, String name) {
        return Topics.commandRequest("default", node, "r-1", name);
    }

    private void assertRefused(CommandRouter.Routed routed, String code) {
        assertThat(routed).isInstanceOfSatisfying(CommandRouter.Routed.Refused.class, r -> assertThat(r.code())
                .isEqualTo(code));
    }

    @Test
    void ackReachesItsHandlerAndNeedsNoReply() {
        CommandRouter.Routed routed = router.route(request("edge-1", "ack"), encode("edge-1", new Ack(5)));

        assertThat(routed).isEqualTo(new CommandRouter.Routed.Handled(Optional.empty()));
        assertThat(acks).extracting(Envelope::body).containsExactly(new Ack(5));
    }

    @Test
    void replyGoesToTheResponseTopicOfTheRequest() {
        CommandRouter.Routed routed =
                router.route(request("edge-1", "sync"), encode("edge-1", new Sync(0, 3, false, List.of())));

        CommandRouter.Response response =
                ((CommandRouter.Routed.Handled) routed).response().orElseThrow();
        assertThat(response.topic()).isEqualTo("command/default/edge-1/res/r-1/200");
        assertThat(response.envelope().node()).isEqualTo("edge-1");
        assertThat(response.envelope().body()).isEqualTo(new SyncResult(3));
    }

    @Test
    void malformedPayloadIsRefusedWithTheCodecsCode() {
        assertRefused(
                router.route(request("edge-1", "sync"), "{not json".getBytes(StandardCharsets.UTF_8)),
                "malformed-json");
        assertRefused(router.route(request("edge-1", "sync"), new byte[0]), "malformed-json");
        assertThat(router.refusedCount()).isEqualTo(2);
        assertThat(router.refusedCount("malformed-json")).isEqualTo(2);
    }

    @Test
    void envelopeForAnotherNodeIsRefused() {
        assertRefused(router.route(request("edge-1", "ack"), encode("edge-2", new Ack(1))), "node-mismatch");
        assertThat(acks).isEmpty();
    }

    @Test
    void topicOfAnotherNodeIsRefused() {
        assertRefused(router.route(request("edge-2", "ack"), encode("edge-2", new Ack(1))), "node-mismatch");
    }

    @Test
    void topicThatIsNotACommandRequestIsRefused() {
        assertRefused(router.route("event/default/edge-1", encode("edge-1", new Ack(1))), "unknown-topic");
        assertRefused(router.route("something/else", encode("edge-1", new Ack(1))), "unknown-topic");
    }

    @Test
    void upstreamKindOnTheCommandTopicIsRefused() {
        assertRefused(
                router.route(request("edge-1", "heartbeat"), encode("edge-1", new Heartbeat(0))), "wrong-channel");
    }

    @Test
    void commandWhoseBodyDoesNotMatchItsTopicNameIsRefused() {
        assertRefused(router.route(request("edge-1", "sync"), encode("edge-1", new Ack(1))), "wrong-channel");
        assertThat(acks).isEmpty();
    }
}
