package io.edgefleet.server.link.mqtt;

import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Topics;
import io.edgefleet.server.link.InboundMessage;
import io.edgefleet.server.link.RejectedMessage;
import java.util.Optional;

/**
 * Turns what arrived on a topic into an {@link InboundMessage} or a refusal. Pure: no I/O, no
 * logging, so every rule is unit-tested. The topic is trusted more than the payload because the
 * broker's per-node ACL vouches for it; the envelope must agree with it.
 */
final class InboundValidator {

    /** Longest topic or reason echoed into a refusal, so that hostile input cannot bloat the log. */
    private static final int MAX_ECHO = 240;

    private final ProtocolCodec codec;

    InboundValidator(ProtocolCodec codec) {
        this.codec = codec;
    }

    /** The outcome of validating one message. */
    sealed interface Outcome {
        record Accepted(InboundMessage message) implements Outcome {}

        record Refused(RejectedMessage rejected) implements Outcome {}
    }

    Outcome validate(String topic, byte[] payload) {
        Optional<Topics.TopicAddress> parsed = Topics.parse(topic);
        if (parsed.isEmpty()) {
            return refuse("unknown-topic", topic, "not an EdgeFleet upstream topic");
        }
        Topics.TopicAddress address = parsed.get();
        if (address.channel() == MessageKind.Channel.COMMAND) {
            return refuse("unknown-topic", topic, "a command request topic is downstream only");
        }
        int status = 0;
        if (address.channel() == MessageKind.Channel.COMMAND_RESPONSE) {
            Optional<Integer> parsedStatus = httpStatus(address.last());
            if (parsedStatus.isEmpty()) {
                return refuse("unknown-topic", topic, "command response status is not an HTTP status");
            }
            status = parsedStatus.get();
        }
        DecodeResult decoded = codec.decode(payload);
        if (decoded instanceof DecodeResult.Rejected rejected) {
            return refuse(rejected.code(), topic, rejected.reason());
        }
        Envelope envelope = ((DecodeResult.Decoded) decoded).envelope();
        if (!envelope.node().equals(address.node())) {
            return refuse(
                    "node-mismatch",
                    topic,
                    "envelope names node '" + envelope.node() + "' but arrived on node '" + address.node() + "'");
        }
        MessageKind kind = envelope.kind();
        if (kind.channel() != address.channel()) {
            return refuse(
                    "wrong-channel",
                    topic,
                    "kind '" + kind.wireName() + "' travels on " + kind.channel() + ", not on " + address.channel());
        }
        return new Outcome.Accepted(new InboundMessage(
                address.tenant(), address.node(), address.channel(), envelope, address.requestId(), status));
    }

    private static Optional<Integer> httpStatus(String text) {
        if (text.length() != 3 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text);
        return value >= 100 && value <= 599 ? Optional.of(value) : Optional.empty();
    }

    private static Outcome refuse(String code, String topic, String reason) {
        return new Outcome.Refused(new RejectedMessage(code, printable(topic), printable(reason)));
    }

    /**
     * Topics and reasons come from the network: cut them short and replace control characters so
     * that nobody can forge log lines.
     */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO - 3) + "...";
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
