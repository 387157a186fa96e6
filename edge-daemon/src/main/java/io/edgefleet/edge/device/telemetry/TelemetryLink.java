package io.edgefleet.edge.device.telemetry;

import io.edgefleet.edge.outbox.PublishOutcome;
import io.edgefleet.protocol.TelemetryBatch;
import java.util.concurrent.CompletionStage;

/** Where telemetry batches go: the MQTT link's telemetry topic, QoS 1, outside the outbox. */
public interface TelemetryLink {

    /** Whether the link is connected now. */
    boolean connected();

    /** Publishes one batch; completes with what the MQTT client did with it. */
    CompletionStage<PublishOutcome> publish(TelemetryBatch batch);

    /** A link that never connects: a daemon with no cloud keeps buffering. */
    TelemetryLink NONE = new TelemetryLink() {
        @Override
        public boolean connected() {
            return false;
        }

        @Override
        public CompletionStage<PublishOutcome> publish(TelemetryBatch batch) {
            return java.util.concurrent.CompletableFuture.completedFuture(new PublishOutcome.Failed("no link"));
        }
    };
}
