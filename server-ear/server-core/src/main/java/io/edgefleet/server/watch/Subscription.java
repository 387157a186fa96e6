package io.edgefleet.server.watch;

import io.edgefleet.server.tenant.TenantRef;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's stream. The poller and the heartbeat only queue events; a drain task on the managed
 * executor writes them, one task per subscription at a time, so a slow client never holds up the
 * poller or other clients. The first drain replays the change log after the client's version; live
 * changes queued meanwhile are written afterwards, and {@code lastSent} drops those the replay already
 * wrote: no gap, no duplicate.
 */
final class Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    /** Rows read per replay query. */
    static final int REPLAY_PAGE = 500;

    /** Queued events beyond which a client counts as too slow and is cut off (it resumes by version). */
    static final int MAX_QUEUED = 10_000;

    private final TenantRef tenant;
    private final WatchKind kind;
    private final long startVersion;
    private final WatchSink sink;
    private final WatchStore store;
    private final Executor executor;
    private final Consumer<Subscription> onClose;

    private final Queue<WatchEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    // Only the drain task touches these; the draining flag orders one task's writes before the next's reads.
    private boolean replayed;
    private long lastSent;

    Subscription(
            TenantRef tenant,
            WatchKind kind,
            long startVersion,
            WatchSink sink,
            WatchStore store,
            Executor executor,
            Consumer<Subscription> onClose) {
        this.tenant = tenant;
        this.kind = kind;
        this.startVersion = startVersion;
        this.lastSent = startVersion;
        this.sink = sink;
        this.store = store;
        this.executor = executor;
        this.onClose = onClose;
    }

    WatchKind kind() {
        return kind;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Starts the replay (and then the live stream) on the executor. */
    void start() {
        schedule();
    }

    /** Queues a change from the poller; changes of other kinds are not this client's business. */
    void offerChanges(List<WatchEvent.Change> changes) {
        boolean any = false;
        for (WatchEvent.Change change : changes) {
            if (change.kind().equals(kind.resourceKind())) {
                any |= enqueue(change);
            }
        }
        if (any) {
            schedule();
        }
    }

    void offer(WatchEvent event) {
        if (enqueue(event)) {
            schedule();
        }
    }

    private boolean enqueue(WatchEvent event) {
        if (closed.get()) {
            return false;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            LOG.info(
                    "EF1142 watch of {} in tenant {} closed: the client reads slower than changes come",
                    kind.path(),
                    tenant.name());
            close();
            return false;
        }
        queue.add(event);
        return true;
    }

    private void schedule() {
        if (closed.get() || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The application is stopping.
            draining.set(false);
            close();
        }
    }

    private void drain() {
        try {
            if (!replayed) {
                replayed = true;
                // A comment first: it sends the response head at once, so the client knows it is watching.
                if (!sink.write(WatchEvent.HEARTBEAT) || !replay()) {
                    close();
                    return;
                }
            }
            WatchEvent event;
            while (!closed.get() && (event = queue.poll()) != null) {
                queued.decrementAndGet();
                if (!write(event)) {
                    close();
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("EF1143 watch of {} in tenant {} ended by an error: {}", kind.path(), tenant.name(), e.toString());
            close();
            return;
        } finally {
            draining.set(false);
        }
        if (!queue.isEmpty()) {
            schedule();
        }
    }

    /** Writes the change-log rows after {@code lastSent}; false when the client is gone or fell behind compaction. */
    private boolean replay() {
        while (true) {
            List<WatchEvent.Change> page =
                    store.changesAfter(tenant.id(), lastSent, Optional.of(kind.resourceKind()), REPLAY_PAGE);
            for (WatchEvent.Change change : page) {
                if (!write(change)) {
                    return false;
                }
            }
            if (page.size() < REPLAY_PAGE) {
                break;
            }
        }
        // Compaction may have run between the version check and the reads: then rows may be missing,
        // and the client must start over (it reconnects and gets 410).
        return store.position(tenant).compacted() <= startVersion;
    }

    private boolean write(WatchEvent event) {
        if (event instanceof WatchEvent.Change change) {
            if (change.version() <= lastSent) {
                return true;
            }
            lastSent = change.version();
        }
        return sink.write(event);
    }

    /** Ends the stream and leaves the hub; idempotent. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            try {
                sink.close();
            } finally {
                onClose.accept(this);
            }
        }
    }
}
