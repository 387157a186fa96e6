package io.edgefleet.protocol;

/** Downstream: the server stored every telemetry batch of the node up to and including {@code upToBatch}. */
public record TelemetryAck(long upToBatch) implements MessageBody {
    public TelemetryAck {
        if (upToBatch < 0) {
            throw new IllegalArgumentException("upToBatch must not be negative");
        }
    }
}
