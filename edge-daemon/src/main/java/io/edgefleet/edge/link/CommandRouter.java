package io.edgefleet.edge.link;

import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.Topics;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every downstream message and hands it to the {@link CommandHandler} of its kind. Refused,
 * counted by code and logged ({@code EF3205}), never thrown: anything that does not decode ({@link
 * ProtocolCodec}'s codes), arrives on a topic that is not this node's command topic ({@code
 * unknown-topic}, {@code node-mismatch}), names another node in its envelope ({@code
 * node-mismatch}), is not a command or does not match the command name in its topic ({@code
 * wrong-channel}), or has no handler ({@code unknown-command}).
 */
public final class CommandRouter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    private final String tenant;
    private final String node;
    private final ProtocolCodec codec;
    private final Clock clock;
    private final Map<MessageKind, CommandHandler> handlers;
    private final Map<String, AtomicLong> refusedByCode = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    public CommandRouter(
            String tenant, String node, ProtocolCodec codec, Clock clock, Map<MessageKind, CommandHandler> handlers) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.node = Objects.requireNonNull(node, "node");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.handlers = new EnumMap<>(MessageKind.class);
        this.handlers.putAll(handlers);
    }

    /** What became of one message. */
    public sealed interface Routed {
        /** Handled; {@code response} is what to publish, if anything. */
        record Handled(Optional<Response> response) implements Routed {}

        /** Refused with a stable code; already counted and logged. */
        record Refused(String code, String reason) implements Routed {}
    }

    /** A command response to publish (QoS 1). */
    public record Response(String topic, Envelope envelope) {}

    public Routed route(String topic, byte[] payload) {
        Optional<Topics.TopicAddress> parsed = Topics.parse(topic);
        if (parsed.isEmpty() || parsed.get().channel() != MessageKind.Channel.COMMAND) {
            return refuse(topic, "unknown-topic", "not a command request topic");
        }
        Topics.TopicAddress address = parsed.get();
        if (!address.tenant().equals(tenant) || !address.node().equals(node)) {
            return refuse(topic, "node-mismatch", "addressed to " + address.node() + "@" + address.tenant());
        }
        Envelope command;
        switch (codec.decode(payload)) {
            case DecodeResult.Rejected rejected -> {
                return refuse(topic, rejected.code(), rejected.reason());
            }
            case DecodeResult.Decoded decoded -> command = decoded.envelope();
        }
        if (!command.node().equals(node)) {
            return refuse(topic, "node-mismatch", "envelope is for node " + command.node());
        }
        MessageKind kind = command.kind();
        if (kind.channel() != MessageKind.Channel.COMMAND) {
            return refuse(topic, "wrong-channel", "'" + kind.wireName() + "' is not a command");
        }
        if (!kind.wireName().equals(address.last())) {
            return refuse(
                    topic,
                    "wrong-channel",
                    "topic names command '" + address.last() + "' but the body is '" + kind.wireName() + "'");
        }
        CommandHandler handler = handlers.get(kind);
        if (handler == null) {
            return refuse(topic, "unknown-command", "no handler for '" + kind.wireName() + "'");
        }
        return switch (handler.handle(command)) {
            case CommandOutcome.NoReply none -> new Routed.Handled(Optional.empty());
            case CommandOutcome.Reply reply ->
                new Routed.Handled(Optional.of(new Response(
                        Topics.commandResponse(tenant, node, address.requestId(), reply.status()),
                        Envelope.of(node, clock.instant(), reply.body()))));
        };
    }

    /** Messages refused since start. */
    public long refusedCount() {
        return refused.get();
    }

    /** Messages refused since start with this code. */
    public long refusedCount(String code) {
        AtomicLong count = refusedByCode.get(code);
        return count == null ? 0 : count.get();
    }

    private Routed refuse(String topic, String code, String reason) {
        long total = refused.incrementAndGet();
        long forCode =
                refusedByCode.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
        LOG.warn(
                "EF3205 refused a downstream message on {}: {} ({}); refused so far: {} ({} with this code)",
                abbreviate(topic),
                code,
                reason,
                total,
                forCode);
        return new Routed.Refused(code, reason);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}
