package io.edgefleet.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static String h2Url() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }

    @Test
    void migrationsRunOnH2InMySqlModeAndSeedTheDefaultTenant() throws SQLException {
        String url = h2Url();
        MigrateResult result = Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name, resource_version FROM tenant")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("default");
            assertThat(rows.getLong(2)).isEqualTo(1L);
        }
    }

    @Test
    void secondRunFindsNothingToDo() {
        String url = h2Url();
        Flyway flyway = Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load();
        flyway.migrate();

        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }
}
