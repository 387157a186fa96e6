package io.edgefleet.edge.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox entries in sequence order over one link session, keeping at most {@code
 * maxInflight} of them unacknowledged by the server (and no more unconfirmed by the broker than the
 * broker allows).
 *
 * <p>A session starts sending only once the server answered {@code hello} with its first {@code
 * ack}: that ack says where the server stands, and sending resumes right after it. When no ack
 * progress comes within {@code ackTimeout} while entries are unacknowledged, sending restarts from
 * the first unacknowledged entry; the server drops duplicates and ignores entries out of order, so
 * resending is always safe. Not thread-safe: the link calls it from its one thread only.
 */
public final class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 32;

    /** How entries reach the broker; the link implements it. */
    @FunctionalInterface
    public interface Transport {
        PublishOutcome publish(OutboxEntry entry);
    }

    private final Outbox outbox;
    private final int maxInflight;
    private final Duration ackTimeout;
    private final Clock clock;

    private Transport transport;
    private boolean inSession;
    private boolean resumed;
    private int brokerWindow;
    private int brokerPending;
    private long ackedUpTo;
    private long sentUpTo;
    private Instant lastProgress = Instant.EPOCH;
    private Instant helloSentAt = Instant.EPOCH;

    public OutboxSender(Outbox outbox, int maxInflight, Duration ackTimeout, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        if (maxInflight < 1) {
            throw new IllegalArgumentException("maxInflight must be positive");
        }
        this.maxInflight = maxInflight;
        this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A session began and {@code hello} was sent; nothing is sent until the server's first ack.
     *
     * @param brokerWindow publishes the broker lets this client have unconfirmed at once
     */
    public void sessionStarted(Transport transport, int brokerWindow) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.brokerWindow = Math.max(1, brokerWindow);
        this.brokerPending = 0;
        this.inSession = true;
        this.resumed = false;
        this.ackedUpTo = outbox.counters().lastAckedSeq();
        this.sentUpTo = ackedUpTo;
        this.helloSentAt = clock.instant();
    }

    /** The link sent {@code hello} again (its answer did not come in time). */
    public void helloResent() {
        helloSentAt = clock.instant();
    }

    public void sessionEnded() {
        inSession = false;
        resumed = false;
        transport = null;
        brokerPending = 0;
    }

    /** Whether the session's next ack is the answer to {@code hello} (the first one since it was sent). */
    public boolean awaitingHelloAnswer() {
        return inSession && !resumed;
    }

    /** The server acknowledged every entry up to {@code upToSeq}. */
    public void onAck(long upToSeq) {
        AckResult result = outbox.ack(upToSeq);
        Instant now = clock.instant();
        switch (result) {
            case AckResult.Acknowledged acknowledged -> {
                ackedUpTo = acknowledged.upToSeq();
                lastProgress = now;
            }
            case AckResult.Realigned realigned -> {
                ackedUpTo = realigned.upToSeq();
                sentUpTo = ackedUpTo;
                lastProgress = now;
            }
            case AckResult.Stale stale -> {
                if (!resumed && stale.upToSeq() < stale.lastAckedSeq()) {
                    LOG.warn(
                            "EF3303 the server acknowledges only up to seq {} but had acknowledged up to {}:"
                                    + " its state went back (restored backup?); entries {}..{} are no longer on this"
                                    + " node, so the server will wait for them",
                            stale.upToSeq(),
                            stale.lastAckedSeq(),
                            stale.upToSeq() + 1,
                            stale.lastAckedSeq());
                }
            }
        }
        if (inSession && !resumed) {
            // The answer to hello: resend everything after what the server holds.
            resumed = true;
            sentUpTo = ackedUpTo;
            lastProgress = now;
            LOG.debug("outbox resumes after seq {}", ackedUpTo);
        }
        sentUpTo = Math.max(sentUpTo, ackedUpTo);
        fill();
    }

    /** The broker confirmed (or the client gave up on) one of the entries published. */
    public void onBrokerAck() {
        brokerPending = Math.max(0, brokerPending - 1);
        fill();
    }

    /** A new entry was appended. */
    public void onAppended() {
        fill();
    }

    /**
     * Checks the timers; call it regularly while a session is up.
     *
     * @return true when {@code hello} went unanswered for the ack timeout and should be sent again
     */
    public boolean tick() {
        if (!inSession) {
            return false;
        }
        Instant now = clock.instant();
        if (!resumed) {
            return !now.isBefore(helloSentAt.plus(ackTimeout));
        }
        if (sentUpTo > ackedUpTo && !now.isBefore(lastProgress.plus(ackTimeout))) {
            LOG.info(
                    "EF3301 no acknowledgement for seq {}..{} within {} s: resending from seq {}",
                    ackedUpTo + 1,
                    sentUpTo,
                    ackTimeout.toSeconds(),
                    ackedUpTo + 1);
            sentUpTo = ackedUpTo;
            lastProgress = now;
            fill();
        }
        return false;
    }

    private void fill() {
        if (!inSession || !resumed) {
            return;
        }
        while (true) {
            int room = (int) Math.min(maxInflight - (sentUpTo - ackedUpTo), brokerWindow - (long) brokerPending);
            if (room <= 0) {
                return;
            }
            List<OutboxEntry> batch = outbox.pending(sentUpTo, Math.min(room, BATCH));
            if (batch.isEmpty()) {
                return;
            }
            for (OutboxEntry entry : batch) {
                if (!send(entry)) {
                    return;
                }
            }
        }
    }

    private boolean send(OutboxEntry entry) {
        PublishOutcome outcome = transport.publish(entry);
        switch (outcome) {
            case PublishOutcome.Sent sent -> {
                if (sentUpTo == ackedUpTo) {
                    // The ack timer measures from when something became outstanding, not from idle time.
                    lastProgress = clock.instant();
                }
                sentUpTo = entry.seq();
                brokerPending++;
                return true;
            }
            case PublishOutcome.Busy busy -> {
                return false;
            }
            case PublishOutcome.Failed failed -> {
                LOG.debug("publishing seq {} failed: {}", entry.seq(), failed.reason());
                return false;
            }
        }
    }
}
