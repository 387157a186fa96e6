package io.edgefleet.edge.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * One small write to an existing store from a local command ({@code set}), with or without a
 * running daemon: a second connection that waits for the daemon's writer ({@code busy_timeout}),
 * never creates, migrates or repairs the file (that is the daemon's job at start).
 */
public final class StoreUpdater {
    private StoreUpdater() {}

    /**
     * Runs {@code work} in one write transaction. Empty when there is no store in {@code dataDir}
     * or its schema is older than {@code minSchemaVersion}.
     */
    public static <T> Optional<T> update(Path dataDir, int minSchemaVersion, StoreReader.Query<T> work) {
        Path file = dataDir.resolve(EdgeStore.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            if (Schema.version(connection) < minSchemaVersion) {
                return Optional.empty();
            }
            statement.execute("BEGIN IMMEDIATE");
            try {
                T result = work.read(connection);
                statement.execute("COMMIT");
                return Optional.of(result);
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot update the store " + file, e);
        }
    }
}
