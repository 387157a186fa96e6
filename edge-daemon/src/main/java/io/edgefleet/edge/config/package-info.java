/**
 * The edge daemon's settings. Start at {@link io.edgefleet.edge.config.EdgeConfig} (the one immutable
 * settings record, defaults in code) and {@link io.edgefleet.edge.config.ConfigLoader} (properties
 * file, then {@code EDGEFLEET_*} environment variables); {@link io.edgefleet.edge.config.ConfigKey}
 * lists every key. Credentials are {@link io.edgefleet.edge.config.Secret}s and never print.
 */
package io.edgefleet.edge.config;
