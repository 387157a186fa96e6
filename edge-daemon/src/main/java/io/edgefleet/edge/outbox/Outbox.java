package io.edgefleet.edge.outbox;

import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.store.StoreException;
import io.edgefleet.edge.store.StoreTransaction;
import io.edgefleet.protocol.DecodeResult;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ProtocolCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable queue of reliable upstream messages (DESIGN section 3). {@link #append} gives each
 * message the next sequence number and stores the encoded envelope in the same transaction as the
 * {@code last_seq} update, so numbers are gapless and survive a crash; {@link #ack} deletes only
 * what the server acknowledged. Sending is {@link OutboxSender}'s job.
 */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final EdgeStore store;
    private final ProtocolCodec codec;
    private final String node;
    private final Clock clock;
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();

    public Outbox(EdgeStore store, ProtocolCodec codec, String node, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.node = Objects.requireNonNull(node, "node");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs {@code listener} after every append (on the appending thread); it must return quickly. */
    public void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    /** Appends a reliable message in a transaction of its own. */
    public OutboxEntry append(MessageBody body) {
        return store.inTransaction(tx -> append(tx, body));
    }

    /**
     * Appends inside the caller's transaction, so that the message commits (or not) together with
     * the state change it reports. Listeners run now; what they read waits for the commit, because
     * the store serialises access.
     */
    public OutboxEntry append(StoreTransaction tx, MessageBody body) {
        MessageKind kind = MessageKind.of(body);
        if (!kind.reliable()) {
            throw new IllegalArgumentException("only reliable kinds go through the outbox, not " + kind.wireName());
        }
        long seq = tx.metaLong(MetaKey.LAST_SEQ, 0) + 1;
        Instant now = clock.instant();
        byte[] payload = codec.encode(Envelope.reliable(node, seq, now, body));
        insert(tx.connection(), seq, kind.wireName(), payload, now);
        tx.putMeta(MetaKey.LAST_SEQ, seq);
        appendListeners.forEach(Runnable::run);
        return new OutboxEntry(seq, kind.wireName(), payload, now);
    }

    /** Applies the server's acknowledgement of every entry up to and including {@code upToSeq}. */
    public AckResult ack(long upToSeq) {
        return store.inTransaction(tx -> {
            long lastSeq = tx.metaLong(MetaKey.LAST_SEQ, 0);
            long lastAcked = tx.metaLong(MetaKey.LAST_ACKED_SEQ, 0);
            if (upToSeq > lastSeq) {
                return realign(tx, upToSeq, lastSeq);
            }
            if (upToSeq <= lastAcked) {
                return new AckResult.Stale(upToSeq, lastAcked);
            }
            int deleted = update(tx.connection(), "DELETE FROM outbox WHERE seq <= ?", upToSeq);
            tx.putMeta(MetaKey.LAST_ACKED_SEQ, upToSeq);
            return new AckResult.Acknowledged(upToSeq, deleted);
        });
    }

    /** Waiting entries with a sequence number above {@code afterSeq}, in order, at most {@code limit}. */
    public List<OutboxEntry> pending(long afterSeq, int limit) {
        return store.inTransaction(tx -> select(tx.connection(), afterSeq, limit));
    }

    /** Highest sequence number assigned and highest acknowledged, read together. */
    public Counters counters() {
        return store.inTransaction(
                tx -> new Counters(tx.metaLong(MetaKey.LAST_SEQ, 0), tx.metaLong(MetaKey.LAST_ACKED_SEQ, 0)));
    }

    /** Entries waiting for acknowledgement. */
    public long depth() {
        return store.inTransaction(tx -> {
            try (PreparedStatement count = tx.connection().prepareStatement("SELECT count(*) FROM outbox");
                    ResultSet rows = count.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            } catch (SQLException e) {
                throw new StoreException("cannot count the outbox", e);
            }
        });
    }

    /**
     * @param lastSeq highest sequence number assigned so far
     * @param lastAckedSeq highest sequence number the server acknowledged
     */
    public record Counters(long lastSeq, long lastAckedSeq) {}

    private AckResult realign(StoreTransaction tx, long upToSeq, long lastSeq) {
        List<OutboxEntry> waiting = select(tx.connection(), 0, Integer.MAX_VALUE);
        long next = upToSeq;
        // New numbers are all above every old one, so renumbering in any order never collides.
        for (OutboxEntry entry : waiting) {
            next++;
            byte[] payload = renumbered(entry, next);
            try (PreparedStatement move =
                    tx.connection().prepareStatement("UPDATE outbox SET seq = ?, payload = ? WHERE seq = ?")) {
                move.setLong(1, next);
                move.setBytes(2, payload);
                move.setLong(3, entry.seq());
                move.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("cannot renumber the outbox", e);
            }
        }
        tx.putMeta(MetaKey.LAST_SEQ, next);
        tx.putMeta(MetaKey.LAST_ACKED_SEQ, upToSeq);
        LOG.warn(
                "EF3302 the server has applied messages up to seq {} but this node assigned only up to {}"
                        + " (its store was replaced): renumbered {} waiting entries to follow {}",
                upToSeq,
                lastSeq,
                waiting.size(),
                upToSeq);
        return new AckResult.Realigned(upToSeq, lastSeq, waiting.size());
    }

    private byte[] renumbered(OutboxEntry entry, long seq) {
        return switch (codec.decode(entry.payload())) {
            case DecodeResult.Decoded decoded -> {
                Envelope old = decoded.envelope();
                yield codec.encode(Envelope.reliable(node, seq, old.timestamp(), old.body()));
            }
            case DecodeResult.Rejected rejected ->
                throw new StoreException(
                        "outbox-unreadable",
                        "outbox entry " + entry.seq() + " cannot be decoded: " + rejected.reason(),
                        "the store is damaged: stop the daemon and move edge.db aside to start afresh");
        };
    }

    private static void insert(Connection connection, long seq, String kind, byte[] payload, Instant at) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox (seq, kind, payload, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, kind);
            insert.setBytes(3, payload);
            insert.setLong(4, at.toEpochMilli());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot append to the outbox", e);
        }
    }

    private static List<OutboxEntry> select(Connection connection, long afterSeq, int limit) {
        List<OutboxEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, kind, payload, created_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?")) {
            select.setLong(1, afterSeq);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new OutboxEntry(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getBytes(3),
                            Instant.ofEpochMilli(rows.getLong(4))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("cannot read the outbox", e);
        }
    }

    private static int update(Connection connection, String sql, long value) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, value);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update the outbox", e);
        }
    }
}
