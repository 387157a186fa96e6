package io.edgefleet.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MultiRowInsert} on the two databases the server runs on: the machine's MariaDB (root, no
 * password, a database of its own, dropped at the end) and embedded H2 in MySQL mode, with a table
 * shaped like {@code twin_property} and the upsert {@code TwinRows} sends.
 */
class MultiRowInsertIT {
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String DATABASE =
            "edgefleet_multirow_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TABLE = "CREATE TABLE twin (device_id BIGINT NOT NULL, property VARCHAR(63) NOT NULL,"
            + " desired_version BIGINT NOT NULL, reported_json VARCHAR(4096) NULL,"
            + " PRIMARY KEY (device_id, property))";
    private static final String ROW_SQL = "INSERT INTO twin (device_id, property, desired_version, reported_json)"
            + " VALUES (?, ?, 0, ?) ON DUPLICATE KEY UPDATE reported_json = VALUES(reported_json)";

    private record Value(long device, String property, String json) {}

    private static final MultiRowInsert<Value> UPSERT = new MultiRowInsert<>(
            "INSERT INTO twin (device_id, property, desired_version, reported_json) VALUES",
            "(?, ?, 0, ?)",
            "ON DUPLICATE KEY UPDATE reported_json = VALUES(reported_json)",
            (statement, offset, value) -> {
                statement.setLong(offset + 1, value.device());
                statement.setString(offset + 2, value.property());
                statement.setString(offset + 3, value.json());
            });

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(MARIADB + "?connectTimeout=3000", "root", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "MariaDB at 127.0.0.1:3306 (root, no password) is unreachable: start it with 'start-stop-daemon"
                            + " --start --oknodo --background --exec /usr/sbin/mariadbd' (" + e.getMessage() + ")",
                    e);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(MARIADB, "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @Test
    void upsertsInOrderInOneStatementPerFiveHundredRowsOnMariaDb() throws SQLException {
        try (Connection c = mariaDb()) {
            long before = comInsert(c);
            int statements = UPSERT.insert(c, values());
            c.commit();
            assertThat(statements).isEqualTo(3);
            // One INSERT per statement sent, as the server counts them (a JDBC batch counts one per row).
            assertThat(comInsert(c) - before).isEqualTo(3);
            assertThat(stored(c)).isEqualTo(expected());
        }
    }

    @Test
    void upsertsInOrderOnH2InMySqlMode() throws SQLException {
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:mem:multirow;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute(TABLE);
            }
            c.setAutoCommit(false);
            assertThat(UPSERT.insert(c, values())).isEqualTo(3);
            c.commit();
            assertThat(stored(c)).isEqualTo(expected());
        }
    }

    /**
     * Why {@link MultiRowInsert} exists: a statement prepared with a result-set type, as Liberty's
     * connection wrapper prepares every statement, sends its JDBC batch row by row even with {@code
     * rewriteBatchedStatements=true}; prepared without one, the same batch is one statement. If a
     * driver update changes this, the reason in decision record 0009 needs another look.
     */
    @Test
    void aJdbcBatchPreparedWithAResultSetTypeGoesRowByRowOnMariaDbConnectorJ() throws SQLException {
        try (Connection c = mariaDb()) {
            long before = comInsert(c);
            try (PreparedStatement plain = c.prepareStatement(ROW_SQL)) {
                batch(plain, 100);
            }
            long afterPlain = comInsert(c);
            try (PreparedStatement typed =
                    c.prepareStatement(ROW_SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                batch(typed, 100);
            }
            c.commit();
            assertThat(afterPlain - before).as("rewritten batch").isEqualTo(1);
            assertThat(comInsert(c) - afterPlain)
                    .as("batch of a typed statement")
                    .isEqualTo(100);
        }
    }

    private static void batch(PreparedStatement statement, int rows) throws SQLException {
        for (int i = 0; i < rows; i++) {
            statement.setLong(1, 1_000 + i);
            statement.setString(2, "p");
            statement.setString(3, "1");
            statement.addBatch();
        }
        statement.executeBatch();
    }

    /** 1,201 values of 120 keys, each key written ten times with rising values, one key eleven times. */
    private static List<Value> values() {
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) {
            values.add(new Value(i % 12, "p" + (i % 120) / 12, Integer.toString(i)));
        }
        return values;
    }

    /** The last value of each key, as applying the values one by one leaves it. */
    private static Map<String, String> expected() {
        Map<String, String> last = new HashMap<>();
        values().forEach(v -> last.put(v.device() + "/" + v.property(), v.json()));
        return last;
    }

    private static Map<String, String> stored(Connection c) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("SELECT device_id, property, reported_json FROM twin WHERE device_id < 12")) {
            while (r.next()) {
                rows.put(r.getLong(1) + "/" + r.getString(2), r.getString(3));
            }
        }
        return rows;
    }

    private static Connection mariaDb() throws SQLException {
        Connection c = DriverManager.getConnection(MARIADB + DATABASE + "?rewriteBatchedStatements=true", "root", "");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS twin (device_id BIGINT NOT NULL, property VARCHAR(63) NOT NULL,"
                    + " desired_version BIGINT NOT NULL, reported_json VARCHAR(4096) NULL,"
                    + " PRIMARY KEY (device_id, property))");
        }
        c.setAutoCommit(false);
        return c;
    }

    private static long comInsert(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW SESSION STATUS LIKE 'Com_insert'")) {
            r.next();
            return r.getLong(2);
        }
    }
}
