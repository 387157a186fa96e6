package io.edgefleet.edge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One open write transaction on the store, handed to work passed to {@link
 * EdgeStore#inTransaction}. Valid only inside that call. Features run their own SQL through {@link
 * #connection()}; the meta helpers cover the key/value table every feature shares.
 */
public final class StoreTransaction {
    private final Connection connection;

    StoreTransaction(Connection connection) {
        this.connection = connection;
    }

    /** The store's connection, inside the transaction; never commit or close it. */
    public Connection connection() {
        return connection;
    }

    public Optional<String> meta(MetaKey key) {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            select.setString(1, key.key());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read meta " + key.key(), e);
        }
    }

    public long metaLong(MetaKey key, long defaultValue) {
        return meta(key).map(Long::parseLong).orElse(defaultValue);
    }

    public void putMeta(MetaKey key, String value) {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key.key());
            upsert.setString(2, value);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write meta " + key.key(), e);
        }
    }

    public void putMeta(MetaKey key, long value) {
        putMeta(key, Long.toString(value));
    }
}
