package io.edgefleet.server.persistence;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates the Hibernate mapping against the migrated schema. Liberty builds the persistence unit
 * before any startup bean runs, so Hibernate itself runs with {@code hbm2ddl.auto=none}; this check runs
 * after Flyway, and a mismatch stops the application instead of failing later on one query.
 */
public final class SchemaCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaCheck.class);

    private SchemaCheck() {}

    public static void validate(EntityManagerFactory factory) {
        try {
            factory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        } catch (RuntimeException e) {
            LOG.error("EF1005 the database schema does not match the server's mapping: {}", e.getMessage());
            throw new IllegalStateException("EF1005 the database schema does not match the mapping", e);
        }
        LOG.info("EF1014 database schema matches the mapping");
    }
}
