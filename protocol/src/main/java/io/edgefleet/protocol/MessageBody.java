package io.edgefleet.protocol;

/**
 * The payload of an {@link Envelope}. Every permitted type has exactly one {@link MessageKind}.
 * Add a kind by adding a record here, a constant in {@link MessageKind}, and a section in
 * docs/protocol.md.
 */
public sealed interface MessageBody
        permits Hello,
                Heartbeat,
                NodeStatusReport,
                WorkloadStatusReport,
                TwinReport,
                TwinReports,
                NodeEventReport,
                TelemetryBatch,
                Ack,
                TelemetryAck,
                Sync,
                SyncResult,
                LogsRequest,
                LogsResult {}
