package io.edgefleet.edge.device.telemetry;

import io.edgefleet.edge.link.CommandHandler;
import io.edgefleet.edge.link.CommandOutcome;
import io.edgefleet.edge.outbox.PublishOutcome;
import io.edgefleet.protocol.TelemetryAck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the buffer's readings as numbered {@code telemetry-batch} messages, at most {@code window}
 * unacknowledged at a time, and starts again from the first unacknowledged batch, in order, after
 * every reconnect and after {@code ackTimeout} without progress. Driven by {@link #tick()} from the
 * device scheduler; {@link #handler()} is the link's {@code telemetry-ack} command.
 */
public final class TelemetrySender {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetrySender.class);
    private static final long PUBLISH_WAIT_MS = 5000;

    private final TelemetryBuffer buffer;
    private final TelemetryLink link;
    private final Clock clock;
    private final Runnable wake;
    private boolean wasConnected;
    private long sentUpTo;
    private long lastAcked;
    private Instant lastProgress = Instant.EPOCH;

    /** @param wake asks for a {@link #tick()} soon (after an ack frees the window) */
    public TelemetrySender(TelemetryBuffer buffer, TelemetryLink link, Clock clock, Runnable wake) {
        this.buffer = buffer;
        this.link = link;
        this.clock = clock;
        this.wake = wake;
    }

    /** The {@code telemetry-ack} handler: forget acknowledged readings, then send more. */
    public CommandHandler handler() {
        return command -> {
            long upTo = ((TelemetryAck) command.body()).upToBatch();
            buffer.ack(upTo);
            wake.run();
            return new CommandOutcome.NoReply();
        };
    }

    /** One sending pass; one thread at a time. */
    public synchronized void tick() {
        if (!link.connected()) {
            wasConnected = false;
            return;
        }
        TelemetryBuffer.Counters counters = buffer.counters();
        long acked = counters.ackedBatch();
        Instant now = clock.instant();
        if (!wasConnected) {
            // A new session: whatever the last one sent may be lost, so start at the first unacknowledged.
            wasConnected = true;
            sentUpTo = acked;
            lastProgress = now;
        }
        if (acked > lastAcked) {
            lastAcked = acked;
            lastProgress = now;
        }
        sentUpTo = Math.max(sentUpTo, acked);
        Duration timeout = buffer.settings().ackTimeout();
        if (sentUpTo > acked && Duration.between(lastProgress, now).compareTo(timeout) >= 0) {
            LOG.info("EF3852 no telemetry ack within {} s: resending from batch {}", timeout.toSeconds(), acked + 1);
            sentUpTo = acked;
            lastProgress = now;
        }
        int window = buffer.settings().window();
        if (sentUpTo < counters.lastBatch()) {
            for (TelemetryBuffer.Batch batch : buffer.unacknowledged(sentUpTo)) {
                if (batch.number() - acked > window || !publish(batch, acked)) {
                    return;
                }
            }
        }
        while (sentUpTo - acked < window) {
            Optional<TelemetryBuffer.Batch> next = buffer.nextBatch();
            if (next.isEmpty() || !publish(next.get(), acked)) {
                return;
            }
        }
    }

    private boolean publish(TelemetryBuffer.Batch batch, long acked) {
        PublishOutcome outcome;
        try {
            outcome = link.publish(batch.toWire()).toCompletableFuture().get(PUBLISH_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            outcome = new PublishOutcome.Failed(e.toString());
        }
        if (outcome instanceof PublishOutcome.Sent) {
            if (sentUpTo == acked) {
                // The first batch waiting for an ack starts the resend timer.
                lastProgress = clock.instant();
            }
            sentUpTo = batch.number();
            return true;
        }
        LOG.debug("telemetry batch {} not sent now: {}", batch.number(), outcome);
        return false;
    }
}
