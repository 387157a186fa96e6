/**
 * Telemetry: readings that nodes send in {@code telemetry-batch} messages, kept as history for the
 * retention and queried raw or downsampled. Start at {@link io.edgefleet.server.telemetry.TelemetryTraffic}
 * (what a batch does: {@link io.edgefleet.server.telemetry.BatchRule}, stored by {@link
 * io.edgefleet.server.telemetry.TelemetryStore} as one JDBC batch) and {@link
 * io.edgefleet.server.telemetry.ReadingHistory} (the history query, {@link
 * io.edgefleet.server.telemetry.HistoryQuery}); {@link io.edgefleet.server.telemetry.ReadingRetention}
 * deletes expired readings. See "Telemetry" in docs/architecture/server.md.
 */
package io.edgefleet.server.telemetry;
