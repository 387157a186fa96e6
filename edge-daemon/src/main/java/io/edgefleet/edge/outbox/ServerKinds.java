package io.edgefleet.edge.outbox;

import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.MessageKind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upstream kinds the server said it accepts ({@link Ack#accepts()} in its answer to {@code
 * hello}), kept in the store so that what is appended offline, before the first answer of this
 * process, takes the form the server last accepted. Kinds every version-1 server accepts are always
 * allowed; a {@linkplain MessageKind#negotiated() negotiated} kind only once the server named it. An
 * answer to {@code hello} without the field (a server older than it) withdraws every negotiated kind.
 */
public final class ServerKinds {
    private static final Logger LOG = LoggerFactory.getLogger(ServerKinds.class);

    private final EdgeStore store;
    private volatile Set<String> named;

    public ServerKinds(EdgeStore store) {
        this.store = store;
        this.named = store.inTransaction(tx -> tx.meta(MetaKey.SERVER_ACCEPTS))
                .map(ServerKinds::parse)
                .orElse(Set.of());
    }

    /** Whether a message of {@code kind} may be appended now. Any thread. */
    public boolean accepts(MessageKind kind) {
        return !kind.negotiated() || named.contains(kind.wireName());
    }

    /**
     * An ack arrived. {@code answersHello}: it is the first of the session, the answer to {@code hello},
     * so an absent {@code accepts} means the server is older than the field. Other acks carry the
     * field only if they answer hello too.
     */
    public void onAck(Ack ack, boolean answersHello) {
        if (ack.accepts().isEmpty() && !answersHello) {
            return;
        }
        Set<String> now = Set.copyOf(ack.accepts().orElse(List.of()));
        if (now.equals(named)) {
            return;
        }
        store.inTransaction(tx -> {
            tx.putMeta(
                    MetaKey.SERVER_ACCEPTS,
                    String.join(",", now.stream().sorted().toList()));
            return null;
        });
        named = now;
        List<String> negotiated = Arrays.stream(MessageKind.values())
                .filter(MessageKind::negotiated)
                .filter(this::accepts)
                .map(MessageKind::wireName)
                .toList();
        LOG.info(
                "EF3305 the server accepts {} of the kinds it must name first",
                negotiated.isEmpty() ? "none" : String.join(", ", negotiated));
    }

    private static Set<String> parse(String stored) {
        return stored.isBlank() ? Set.of() : Set.of(stored.split(","));
    }
}
