/**
 * The database at start: Flyway migrations ({@link io.edgefleet.server.persistence.Migrations}) and
 * the Hibernate mapping check that follows them ({@link io.edgefleet.server.persistence.SchemaCheck}); and
 * {@link io.edgefleet.server.persistence.MultiRowInsert}, how bulk rows reach the database.
 * The persistence unit {@code fleet} is declared in META-INF/persistence.xml of this jar, which the
 * EAR puts into the web module.
 */
package io.edgefleet.server.persistence;
