package io.edgefleet.edge.link;

import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.MetaKey;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the link's state into the store's meta table on every change ({@code link_state}, {@code
 * link_since}, {@code last_connected_at}), so that the {@code status} command can answer with the
 * cloud down and the daemon busy. Only changes are written: a reconnect loop does not wear the disk.
 */
final class LinkStateRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(LinkStateRecorder.class);

    private final EdgeStore store;
    private Optional<LinkState> last = Optional.empty();

    LinkStateRecorder(EdgeStore store) {
        this.store = store;
    }

    void record(LinkState state, Instant at) {
        if (last.filter(state::equals).isPresent()) {
            return;
        }
        try {
            store.inTransaction(tx -> {
                tx.putMeta(MetaKey.LINK_STATE, state.wireName());
                tx.putMeta(MetaKey.LINK_SINCE, at.toString());
                if (state == LinkState.CONNECTED) {
                    tx.putMeta(MetaKey.LAST_CONNECTED_AT, at.toString());
                }
                return null;
            });
            last = Optional.of(state);
        } catch (RuntimeException e) {
            // Status bookkeeping must never take the link down.
            LOG.warn("EF3207 cannot record link state {}: {}", state.wireName(), e.getMessage());
        }
    }
}
