package io.edgefleet.server.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.server.tenant.TenantRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    private static final TenantRef TENANT = new TenantRef(1, "default");

    /** The change log as the store reads it, without a database. */
    private static final class Log extends WatchStore {
        final List<WatchEvent.Change> rows = new ArrayList<>();
        long compacted;

        @Override
        public Position position(TenantRef tenant) {
            return new Position(rows.isEmpty() ? 0 : rows.getLast().version(), compacted);
        }

        @Override
        public List<WatchEvent.Change> changesAfter(long tenantId, long after, Optional<String> kind, int limit) {
            return rows.stream()
                    .filter(c -> c.version() > after)
                    .filter(c -> kind.map(k -> k.equals(c.kind())).orElse(true))
                    .limit(limit)
                    .toList();
        }
    }

    private static final class Recorder implements WatchSink {
        final List<WatchEvent> written = new ArrayList<>();
        boolean closed;
        int failAfter = Integer.MAX_VALUE;

        @Override
        public boolean write(WatchEvent event) {
            if (written.size() >= failAfter) {
                return false;
            }
            written.add(event);
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }

        List<Long> versions() {
            return written.stream()
                    .filter(WatchEvent.Change.class::isInstance)
                    .map(e -> ((WatchEvent.Change) e).version())
                    .toList();
        }
    }

    private final Log log = new Log();
    private final Recorder sink = new Recorder();
    private final AtomicInteger closedCalls = new AtomicInteger();

    @Test
    void liveChangesQueuedDuringTheReplayAreWrittenOnceAndInOrder() {
        LongStream.rangeClosed(1, 5).forEach(v -> log.rows.add(change(v, "Workload")));
        Subscription subscription = subscription(0);
        // The poller saw 4..6 before the replay ran: 4 and 5 come from the replay, 6 live.
        List<WatchEvent.Change> live = List.of(change(4, "Workload"), change(5, "Workload"), change(6, "Workload"));

        subscription.offerChanges(live);

        assertThat(sink.written.getFirst()).isEqualTo(WatchEvent.HEARTBEAT);
        assertThat(sink.versions()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void replayStartsAfterTheClientsVersionAndSkipsOtherKinds() {
        log.rows.add(change(1, "Workload"));
        log.rows.add(change(2, "Node"));
        log.rows.add(change(3, "Workload"));
        Subscription subscription = subscription(1);

        subscription.start();
        subscription.offerChanges(List.of(change(4, "Node"), change(5, "Workload")));

        assertThat(sink.versions()).containsExactly(3L, 5L);
    }

    @Test
    void replayLongerThanAPageIsComplete() {
        int rows = Subscription.REPLAY_PAGE * 2 + 7;
        LongStream.rangeClosed(1, rows).forEach(v -> log.rows.add(change(v, "Workload")));

        subscription(0).start();

        assertThat(sink.versions()).hasSize(rows).isSorted();
    }

    @Test
    void aClientThatIsGoneEndsTheSubscriptionOnce() {
        Subscription subscription = subscription(0);
        subscription.start();
        sink.failAfter = sink.written.size();

        subscription.offer(WatchEvent.HEARTBEAT);
        subscription.offer(WatchEvent.HEARTBEAT);

        assertThat(subscription.isClosed()).isTrue();
        assertThat(sink.closed).isTrue();
        assertThat(closedCalls).hasValue(1);
    }

    @Test
    void compactionDuringTheReplayEndsTheStreamSoTheClientStartsOver() {
        log.rows.add(change(5, "Workload"));
        log.compacted = 3;
        Subscription subscription = subscription(2);

        subscription.start();

        assertThat(subscription.isClosed()).isTrue();
    }

    private Subscription subscription(long from) {
        return new Subscription(
                TENANT, WatchKind.WORKLOADS, from, sink, log, Runnable::run, s -> closedCalls.incrementAndGet());
    }

    private static WatchEvent.Change change(long version, String kind) {
        return new WatchEvent.Change(version, kind, "w" + version, "ADDED", "{\"v\":" + version + "}");
    }
}
