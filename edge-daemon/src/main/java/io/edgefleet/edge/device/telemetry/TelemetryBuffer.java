package io.edgefleet.edge.device.telemetry;

import io.edgefleet.edge.device.JsonValues;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.store.StoreException;
import io.edgefleet.edge.store.StoreTransaction;
import io.edgefleet.protocol.TelemetryBatch;
import io.edgefleet.protocol.device.TelemetryReading;
import io.edgefleet.protocol.device.ValueQuality;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded durable telemetry buffer (DESIGN section 3: telemetry may be bounded by age and size
 * with oldest-first drop, counted and reported). Readings go to table {@code telemetry} (ids only
 * grow: AUTOINCREMENT); a batch is a range of ids recorded in {@code telemetry_batch} when first
 * sent, so a resend after a reconnect carries the same readings under the same number. Only an ack
 * deletes sent readings. Every drop is added to the store's total and to the count the next new
 * batch carries as {@code droppedSinceLast}.
 */
public final class TelemetryBuffer {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryBuffer.class);

    private final EdgeStore store;
    private volatile TelemetrySettings settings;

    public TelemetryBuffer(EdgeStore store, TelemetrySettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Buffer figures, read together. */
    public record Counters(long rows, long droppedTotal, long lastBatch, long ackedBatch) {}

    /** A batch of readings under its number. */
    public record Batch(long number, long droppedSinceLast, List<TelemetryReading> readings) {
        public TelemetryBatch toWire() {
            return new TelemetryBatch(number, droppedSinceLast, readings);
        }
    }

    public TelemetrySettings settings() {
        return settings;
    }

    /** Appends readings inside the caller's transaction, then drops what the bounds no longer allow. */
    public void append(StoreTransaction tx, List<TelemetryReading> readings, Instant now) {
        if (readings.isEmpty()) {
            return;
        }
        Connection c = tx.connection();
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO telemetry (device, property, value, quality, source_time, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (TelemetryReading r : readings) {
                insert.setString(1, r.device());
                insert.setString(2, r.property());
                insert.setString(3, JsonValues.write(r.value()));
                insert.setString(4, r.quality().name().toLowerCase(Locale.ROOT));
                insert.setLong(5, r.sourceTime().toEpochMilli());
                insert.setLong(6, now.toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
            TelemetrySettings bounds = settings;
            long dropped = update(
                    c,
                    "DELETE FROM telemetry WHERE created_at < ?",
                    now.minus(bounds.maxAge()).toEpochMilli());
            dropped += update(
                    c, "DELETE FROM telemetry WHERE id <= (SELECT max(id) FROM telemetry) - ?", bounds.maxRows());
            if (dropped > 0) {
                long total = tx.metaLong(MetaKey.TELEMETRY_DROPPED_TOTAL, 0) + dropped;
                tx.putMeta(MetaKey.TELEMETRY_DROPPED_TOTAL, total);
                tx.putMeta(
                        MetaKey.TELEMETRY_DROPPED_UNREPORTED,
                        tx.metaLong(MetaKey.TELEMETRY_DROPPED_UNREPORTED, 0) + dropped);
                // Once per thousand, not per reading: a long outage must not flood the log.
                if (total / 1000 != (total - dropped) / 1000 || total == dropped) {
                    LOG.warn(
                            "EF3851 telemetry buffer full or too old (max {} readings, {} s): dropped {} oldest"
                                    + " readings so far",
                            bounds.maxRows(),
                            bounds.maxAge().toSeconds(),
                            total);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot buffer telemetry", e);
        }
    }

    /** Makes the next batch from readings no batch holds yet; empty when there are none. */
    public Optional<Batch> nextBatch() {
        return store.inTransaction(tx -> {
            Connection c = tx.connection();
            long after = single(c, "SELECT coalesce(max(last_id), 0) FROM telemetry_batch");
            List<Row> rows = rows(c, after, Long.MAX_VALUE, settings.batchReadings());
            if (rows.isEmpty()) {
                return Optional.<Batch>empty();
            }
            long number = tx.metaLong(MetaKey.TELEMETRY_LAST_BATCH, 0) + 1;
            long dropped = tx.metaLong(MetaKey.TELEMETRY_DROPPED_UNREPORTED, 0);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO telemetry_batch (batch, first_id, last_id, dropped_since_last) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, number);
                insert.setLong(2, rows.getFirst().id());
                insert.setLong(3, rows.getLast().id());
                insert.setLong(4, dropped);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("cannot record a telemetry batch", e);
            }
            tx.putMeta(MetaKey.TELEMETRY_LAST_BATCH, number);
            tx.putMeta(MetaKey.TELEMETRY_DROPPED_UNREPORTED, 0);
            return Optional.of(
                    new Batch(number, dropped, rows.stream().map(Row::reading).toList()));
        });
    }

    /** Batches made and not acknowledged with a number above {@code afterBatch}, in order. */
    public List<Batch> unacknowledged(long afterBatch) {
        return store.inTransaction(tx -> {
            Connection c = tx.connection();
            List<long[]> ranges = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT batch, first_id, last_id, dropped_since_last FROM telemetry_batch WHERE batch > ?"
                            + " ORDER BY batch")) {
                select.setLong(1, afterBatch);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ranges.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read telemetry batches", e);
            }
            List<Batch> batches = new ArrayList<>();
            for (long[] r : ranges) {
                // Readings of a waiting batch may have been dropped since (age, size): it is sent smaller.
                List<Row> rows = rows(c, r[1] - 1, r[2], Integer.MAX_VALUE);
                batches.add(
                        new Batch(r[0], r[3], rows.stream().map(Row::reading).toList()));
            }
            return batches;
        });
    }

    /** The server stored every batch up to {@code upToBatch}: forget their readings. */
    public long ack(long upToBatch) {
        return store.inTransaction(tx -> {
            Connection c = tx.connection();
            long acked = tx.metaLong(MetaKey.TELEMETRY_ACKED_BATCH, 0);
            long last = tx.metaLong(MetaKey.TELEMETRY_LAST_BATCH, 0);
            long upTo = Math.min(upToBatch, last);
            if (upTo <= acked) {
                return acked;
            }
            long lastId = single(c, "SELECT coalesce(max(last_id), 0) FROM telemetry_batch WHERE batch <= ?", upTo);
            update(c, "DELETE FROM telemetry WHERE id <= ?", lastId);
            update(c, "DELETE FROM telemetry_batch WHERE batch <= ?", upTo);
            tx.putMeta(MetaKey.TELEMETRY_ACKED_BATCH, upTo);
            return upTo;
        });
    }

    public Counters counters() {
        return store.inTransaction(tx -> new Counters(
                single(tx.connection(), "SELECT count(*) FROM telemetry"),
                tx.metaLong(MetaKey.TELEMETRY_DROPPED_TOTAL, 0),
                tx.metaLong(MetaKey.TELEMETRY_LAST_BATCH, 0),
                tx.metaLong(MetaKey.TELEMETRY_ACKED_BATCH, 0)));
    }

    /** Changes the bounds (tests); they apply from the next append. */
    public void bounds(TelemetrySettings changed) {
        this.settings = changed;
    }

    private record Row(long id, TelemetryReading reading) {}

    private static List<Row> rows(Connection c, long afterId, long upToId, int limit) {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, device, property, value, quality, source_time FROM telemetry WHERE id > ? AND id <= ?"
                        + " ORDER BY id LIMIT ?")) {
            select.setLong(1, afterId);
            select.setLong(2, upToId);
            select.setInt(3, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            new TelemetryReading(
                                    rs.getString(2),
                                    rs.getString(3),
                                    JsonValues.parse(rs.getString(4)),
                                    ValueQuality.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                                    Instant.ofEpochMilli(rs.getLong(6)))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read telemetry", e);
        }
    }

    private static long single(Connection c, String sql, long... parameters) {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read telemetry figures", e);
        }
    }

    private static long update(Connection c, String sql, long value) {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, value);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update telemetry", e);
        }
    }
}
