package io.edgefleet.server.link.mqtt;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What a link has seen since it was created; read by metrics. Thread-safe, lock-free on the hot path. */
final class LinkCounters {
    private final LongAdder received = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder handlerFailures = new LongAdder();
    private final LongAdder commandsSent = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    void received() {
        received.increment();
    }

    void accepted() {
        accepted.increment();
    }

    void rejected(String code) {
        rejected.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    void handlerFailed() {
        handlerFailures.increment();
    }

    void commandSent() {
        commandsSent.increment();
    }

    long receivedCount() {
        return received.sum();
    }

    long acceptedCount() {
        return accepted.sum();
    }

    long handlerFailureCount() {
        return handlerFailures.sum();
    }

    long commandsSentCount() {
        return commandsSent.sum();
    }

    /** A sorted snapshot. */
    Map<String, Long> rejectedCounts() {
        Map<String, Long> snapshot = new TreeMap<>();
        rejected.forEach((code, count) -> snapshot.put(code, count.sum()));
        return Collections.unmodifiableMap(snapshot);
    }
}
