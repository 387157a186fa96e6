package io.edgefleet.server.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the MariaDB execution: creates the test's own database before anything starts the Liberty server
 * (Arquillian starts it with the first test class) and drops it when the run ends. The server gets the
 * same name through FLEET_DB_URL, set in the pom. For the H2 execution it does nothing.
 */
public final class ItDatabase implements LauncherSessionListener {
    private static final Pattern SAFE_NAME = Pattern.compile("edgefleet_it_[0-9]+");
    static final String START_MARIADB =
            "start MariaDB: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";

    private boolean created;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!isMariaDb()) {
            return;
        }
        String database = databaseName();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
            created = true;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "MariaDB at " + serverUrl() + " (user root, no password) is unreachable: " + START_MARIADB + " ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!created) {
            return;
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + databaseName());
        } catch (SQLException e) {
            System.err.println("could not drop the test database " + databaseName() + ": " + e.getMessage());
        }
    }

    public static boolean isMariaDb() {
        return "mariadb".equals(System.getProperty("it.database"));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl() + "?connectTimeout=3000", "root", "");
    }

    private static String serverUrl() {
        return System.getProperty("it.mariadb.server", "jdbc:mariadb://127.0.0.1:3306/");
    }

    private static String databaseName() {
        String name = System.getProperty("it.mariadb.database", "");
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalStateException("it.mariadb.database must look like edgefleet_it_<digits>: " + name);
        }
        return name;
    }
}
