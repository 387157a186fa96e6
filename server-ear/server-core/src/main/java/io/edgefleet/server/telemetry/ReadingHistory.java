package io.edgefleet.server.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The history query over {@code reading}: raw readings by keyset page on the series index, or buckets
 * aggregated by the database in one statement (index expression and window function that MariaDB 10.2+,
 * MySQL 8 and H2 2 all run), so at most {@value HistoryQuery#MAX_BUCKETS} rows travel to the server
 * whatever the number of readings.
 */
@ApplicationScoped
@Transactional
public class ReadingHistory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERIES = " FROM reading WHERE tenant_id = ? AND device_name = ? AND property = ?"
            + " AND source_time >= ? AND source_time < ?";
    private static final String BUCKET = "FLOOR(TIMESTAMPDIFF(MICROSECOND, ?, source_time) / ?)";

    @Resource(lookup = "jdbc/fleet")
    DataSource dataSource;

    /** The answer to {@code query}; {@code not-found} when the tenant has no such device. */
    public HistoryAnswer read(TenantRef tenant, HistoryQuery query) {
        try (Connection c = dataSource.getConnection()) {
            if (!deviceExists(c, tenant, query.device())) {
                throw FleetException.notFound("device " + query.device());
            }
            return query.step().isPresent()
                    ? buckets(c, tenant, query, query.step().get())
                    : points(c, tenant, query);
        } catch (SQLException e) {
            throw TelemetryStore.failure("read the history of device " + query.device(), e);
        }
    }

    private static HistoryAnswer.Points points(Connection c, TenantRef tenant, HistoryQuery query) throws SQLException {
        String keyset = query.after().isPresent() ? " AND (source_time > ? OR (source_time = ? AND id > ?))" : "";
        List<HistoryAnswer.Point> items = new ArrayList<>();
        Optional<HistoryCursor> last = Optional.empty();
        boolean more = false;
        try (PreparedStatement select = c.prepareStatement("SELECT id, source_time, value_text, quality" + SERIES
                + keyset + " ORDER BY source_time, id LIMIT ?")) {
            int i = series(select, 1, tenant, query);
            if (query.after().isPresent()) {
                LocalDateTime at = TelemetryStore.utc(query.after().get().sourceTime());
                select.setObject(i++, at);
                select.setObject(i++, at);
                select.setLong(i++, query.after().get().id());
            }
            select.setInt(i, query.limit() + 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (items.size() == query.limit()) {
                        more = true;
                        break;
                    }
                    Instant time = instant(rows.getObject(2, LocalDateTime.class));
                    items.add(new HistoryAnswer.Point(time, value(rows.getString(3)), rows.getString(4)));
                    last = Optional.of(new HistoryCursor(time, rows.getLong(1)));
                }
            }
        }
        Optional<String> next = more ? last.map(HistoryCursor::token) : Optional.empty();
        return new HistoryAnswer.Points(
                query.device(), query.property(), query.from(), query.to(), items, new HistoryAnswer.Page(next));
    }

    private static HistoryAnswer.Downsampled buckets(Connection c, TenantRef tenant, HistoryQuery query, Duration step)
            throws SQLException {
        // Aggregates per bucket index; the window numbers each bucket's readings newest first, so the
        // newest one's value is "last" (ties on source_time go to the later insert).
        String sql = "SELECT b, COUNT(*), MIN(value_num), MAX(value_num), AVG(value_num),"
                + " MAX(CASE WHEN rn = 1 THEN value_text END)"
                + " FROM (SELECT " + BUCKET + " AS b, value_num, value_text,"
                + " ROW_NUMBER() OVER (PARTITION BY " + BUCKET + " ORDER BY source_time DESC, id DESC) AS rn"
                + SERIES + ") t GROUP BY b ORDER BY b";
        long width = Buckets.micros(step);
        LocalDateTime from = TelemetryStore.utc(query.from());
        List<HistoryAnswer.Bucket> items = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, from);
            select.setLong(2, width);
            select.setObject(3, from);
            select.setLong(4, width);
            series(select, 5, tenant, query);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && items.size() < HistoryQuery.MAX_BUCKETS) {
                    items.add(new HistoryAnswer.Bucket(
                            Buckets.start(query.from(), step, rows.getLong(1)),
                            rows.getLong(2),
                            number(rows, 3),
                            number(rows, 4),
                            number(rows, 5),
                            value(rows.getString(6))));
                }
            }
        }
        return new HistoryAnswer.Downsampled(
                query.device(), query.property(), query.from(), query.to(), step.toString(), items);
    }

    /** Binds tenant, device, property, from and to from {@code index} on; returns the next index. */
    private static int series(PreparedStatement select, int index, TenantRef tenant, HistoryQuery query)
            throws SQLException {
        select.setLong(index, tenant.id());
        select.setString(index + 1, query.device());
        select.setString(index + 2, query.property());
        select.setObject(index + 3, TelemetryStore.utc(query.from()));
        select.setObject(index + 4, TelemetryStore.utc(query.to()));
        return index + 5;
    }

    private static boolean deviceExists(Connection c, TenantRef tenant, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM device WHERE tenant_id = ? AND name = ?")) {
            select.setLong(1, tenant.id());
            select.setString(2, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Optional<Double> number(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /** The stored JSON text as a value; text that does not parse (written by hand) comes back as a string. */
    static JsonNode value(String json) {
        if (json == null) {
            return TextNode.valueOf("");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(json);
        }
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
