package io.edgefleet.server.resource;

import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Values of native query rows as Java types: H2 and MariaDB's drivers hand back different classes
 * for the same column type (a TEXT as String or Clob, a TIMESTAMP as Timestamp or LocalDateTime, a
 * BOOLEAN as Boolean or a number).
 */
public final class Columns {
    private Columns() {}

    public static long number(Object value) {
        return ((Number) value).longValue();
    }

    public static boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    public static Optional<String> text(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Clob clob) {
            try {
                return Optional.of(clob.getSubString(1, (int) clob.length()));
            } catch (SQLException e) {
                throw new IllegalStateException("reading a text column failed", e);
            }
        }
        return Optional.of(value.toString());
    }

    public static Optional<Instant> instant(Object value) {
        return switch (value) {
            case null -> Optional.empty();
            case Timestamp timestamp -> Optional.of(timestamp.toInstant());
            case Instant instant -> Optional.of(instant);
            case LocalDateTime local -> Optional.of(local.toInstant(ZoneOffset.UTC));
            case OffsetDateTime offset -> Optional.of(offset.toInstant());
            default ->
                throw new IllegalStateException(
                        "not a time: " + value.getClass().getName());
        };
    }
}
