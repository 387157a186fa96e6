package io.edgefleet.systemtest.harness;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

/**
 * A database of its own on the machine's MariaDB (127.0.0.1:3306, root, no password; FACTS), created
 * on {@link #create} and dropped on {@link #close}, so a run never touches another run's data.
 */
public final class MariaDbDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String USER = "root";

    private final String name;

    private MariaDbDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code <prefix><random hex>}; fails with a hint when MariaDB does not answer. */
    public static MariaDbDatabase create(String prefix) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String name = prefix + HexFormat.of().formatHex(random);
        try (Connection c = DriverManager.getConnection(SERVER, USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "MariaDB at 127.0.0.1:3306 (root, no password) is needed: " + e.getMessage()
                            + "; start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd",
                    e);
        }
        return new MariaDbDatabase(name);
    }

    public String name() {
        return name;
    }

    /** The JDBC URL of this database, with batch rewriting as the server and the ITs use it. */
    public String url() {
        return SERVER + name + "?rewriteBatchedStatements=true";
    }

    /** The server's settings for this database (FLEET_DB_URL, FLEET_DB_USER). */
    public Map<String, String> serverEnv() {
        return Map.of("FLEET_DB_URL", url(), "FLEET_DB_USER", USER);
    }

    /** A new connection to this database in UTC, so TIMESTAMP columns read as the server wrote them. */
    public Connection connect() {
        try {
            Connection c = DriverManager.getConnection(url(), USER, "");
            try (Statement s = c.createStatement()) {
                s.execute("SET time_zone = '+00:00'");
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url() + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database; a failure is printed, not thrown, so it never hides the run's own error. */
    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(SERVER, USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            System.err.println("could not drop database " + name + ": " + e.getMessage());
        }
    }
}
