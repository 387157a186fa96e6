/**
 * Configuration: every component has one immutable settings record with defaults in code, read from
 * MicroProfile Config (so {@code FLEET_LEASE_SECONDS} sets {@code fleet.lease.seconds}).
 *
 * <p>Start at {@link io.edgefleet.server.config.SettingsProducer}, which reads them all; {@link
 * io.edgefleet.server.config.SettingsReader} parses and range-checks values.
 */
package io.edgefleet.server.config;
