package io.edgefleet.edge.store;

import io.edgefleet.edge.config.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The daemon's local state: one SQLite file, {@code data-dir/edge.db}, in WAL mode with {@code
 * synchronous=FULL} so that a committed transaction survives a power cut. There is one writer
 * connection, owned by this object and serialised by it; the {@code status} command reads through
 * {@link StoreReader} instead.
 *
 * <p>At open the file is checked ({@code PRAGMA quick_check}). A corrupt store is moved aside to
 * {@code edge.db.corrupt-<timestamp>} (with its {@code -wal}/{@code -shm} files) and a fresh one is
 * created: the daemon keeps running from an empty state and the cloud repairs it (the outbox
 * restarts, {@code hello} asks for a full sync). The identity was in the lost file too, so the node
 * must enroll again with a new token; {@link #recoveredFrom()} tells the daemon to say so.
 */
public final class EdgeStore implements AutoCloseable {
    public static final String FILE_NAME = "edge.db";

    private static final Logger LOG = LoggerFactory.getLogger(EdgeStore.class);
    private static final int BUSY_TIMEOUT_MS = 5000;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final DateTimeFormatter ASIDE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Connection connection;
    private final Optional<Path> recoveredFrom;
    private boolean inTransaction;

    private EdgeStore(Path file, Connection connection, Optional<Path> recoveredFrom) {
        this.file = file;
        this.connection = connection;
        this.recoveredFrom = recoveredFrom;
    }

    /** Opens (creating, checking and migrating as needed) the store in {@code dataDir}. */
    public static EdgeStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    static EdgeStore open(Path dataDir, Clock clock) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            OwnerOnly.directory(dataDir);
            OwnerOnly.file(file);
        } catch (IOException e) {
            throw new StoreException("cannot create the store " + file, e);
        }
        Optional<Path> aside = Optional.empty();
        Connection connection;
        try {
            connection = openChecked(file);
        } catch (CorruptStore corrupt) {
            aside = Optional.of(moveAside(file, clock.instant()));
            LOG.error(
                    "EF3002 store {} is corrupt ({}): moved it aside to {} and starting with an empty store."
                            + " The node identity was in it, so this node must enroll again: set a new"
                            + " enrollment-token. Its desired state and unsent messages are rebuilt from the cloud.",
                    file,
                    corrupt.getMessage(),
                    aside.get());
            try {
                OwnerOnly.file(file);
                connection = openChecked(file);
            } catch (IOException | CorruptStore e) {
                StoreException failure = new StoreException("cannot create a fresh store " + file, e);
                failure.addSuppressed(corrupt);
                throw failure;
            }
        }
        try {
            Schema.migrate(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot migrate the store " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        LOG.debug("EF3001 store {} open, schema version {}", file, Schema.LATEST);
        return new EdgeStore(file, connection, aside);
    }

    private static Connection openChecked(Path file) throws CorruptStore {
        Connection connection = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.enforceForeignKeys(true);
            connection = config.createConnection("jdbc:sqlite:" + file);
            List<String> problems = quickCheck(connection);
            if (!problems.equals(List.of("ok"))) {
                closeQuietly(connection);
                throw new CorruptStore(String.join("; ", problems));
            }
            return connection;
        } catch (SQLException e) {
            if (connection != null) {
                closeQuietly(connection);
            }
            int primary = e.getErrorCode() & 0xff;
            if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
                throw new CorruptStore(e.getMessage(), e);
            }
            throw new StoreException("cannot open the store " + file, e);
        }
    }

    private static List<String> quickCheck(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA quick_check(5)")) {
            while (rows.next()) {
                problems.add(rows.getString(1));
            }
        }
        return problems;
    }

    private static Path moveAside(Path file, Instant now) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + ASIDE_STAMP.format(now));
        try {
            for (String suffix : List.of("-wal", "-shm")) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Files.move(
                            companion,
                            aside.resolveSibling(aside.getFileName() + suffix),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return aside;
        } catch (IOException e) {
            throw new StoreException("cannot move the corrupt store " + file + " aside", e);
        }
    }

    /** Where the corrupt store was moved when this open had to start afresh. */
    public Optional<Path> recoveredFrom() {
        return recoveredFrom;
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}), committing when it returns
     * and rolling back when it throws. Calls from inside {@code work} join the same transaction.
     */
    public synchronized <T> T inTransaction(Function<StoreTransaction, T> work) {
        StoreTransaction tx = new StoreTransaction(connection);
        if (inTransaction) {
            return work.apply(tx);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            inTransaction = true;
            T result;
            try {
                result = work.apply(tx);
            } catch (RuntimeException | Error e) {
                inTransaction = false;
                rollback(statement, e);
                throw e;
            }
            inTransaction = false;
            statement.execute("COMMIT");
            return result;
        } catch (SQLException e) {
            inTransaction = false;
            throw new StoreException("store transaction failed", e);
        }
    }

    private static void rollback(Statement statement, Throwable cause) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    public Optional<Identity> identity() {
        return inTransaction(tx -> readIdentity(tx.connection()));
    }

    /** Stores the identity enrollment returned; there is only ever one. */
    public void saveIdentity(Identity identity) {
        inTransaction(tx -> {
            try (PreparedStatement insert = tx.connection()
                    .prepareStatement(
                            """
                            INSERT OR REPLACE INTO identity
                              (id, tenant, node, mqtt_url, username, password, heartbeat_seconds, enrolled_at)
                            VALUES (1, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, identity.tenant());
                insert.setString(2, identity.node());
                insert.setString(3, identity.mqttUrl());
                insert.setString(4, identity.username());
                insert.setString(5, identity.password().reveal());
                insert.setInt(6, identity.heartbeatSeconds());
                insert.setString(7, identity.enrolledAt().toString());
                insert.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new StoreException("cannot store the identity", e);
            }
        });
    }

    static Optional<Identity> readIdentity(Connection connection) {
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT tenant, node, mqtt_url, username, password, heartbeat_seconds, enrolled_at"
                                + " FROM identity WHERE id = 1")) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Identity(
                    rows.getString(1),
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    new Secret(rows.getString(5)),
                    rows.getInt(6),
                    Instant.parse(rows.getString(7))));
        } catch (SQLException e) {
            throw new StoreException("cannot read the identity", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a store connection failed", e);
        }
    }

    /** The file is not a healthy SQLite database. */
    private static final class CorruptStore extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptStore(String message) {
            super(message);
        }

        CorruptStore(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
