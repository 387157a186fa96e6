/**
 * Telemetry upstream: {@link io.edgefleet.edge.device.telemetry.TelemetryBuffer} (bounded by age
 * and rows in SQLite, oldest dropped first, every drop counted) and {@link
 * io.edgefleet.edge.device.telemetry.TelemetrySender} (numbered batches on the telemetry topic,
 * deleted only on {@code telemetry-ack}, resent in order after a reconnect).
 */
package io.edgefleet.edge.device.telemetry;
