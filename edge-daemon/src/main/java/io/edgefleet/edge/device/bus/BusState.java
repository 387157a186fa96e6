package io.edgefleet.edge.device.bus;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus's bounded queue. Retained topics keep only their latest payload, with a set of topics not
 * published since they changed: a topic updated again before it went out replaces its payload
 * (counted as superseded), so a bus that is down or slow costs one payload per topic, never a
 * backlog, and the newest state wins. Everything retained is published again after each connect,
 * since the broker may have lost it. Answers (not retained) wait in a short queue that drops its
 * oldest when full. Callers never wait: {@link #retain} and {@link #answer} take a lock held only
 * for a map update; only the publisher waits, in {@link #take}.
 */
final class BusState {
    private static final Logger LOG = LoggerFactory.getLogger(BusState.class);
    private static final byte[] FORGOTTEN = new byte[0];

    private final int maxTopics;
    private final int maxAnswers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition news = lock.newCondition();
    private final Map<String, byte[]> retained = new LinkedHashMap<>();
    private final SequencedSet<String> unpublished = new LinkedHashSet<>();
    private final Deque<BusMessage> answers = new ArrayDeque<>();
    private long superseded;
    private long dropped;
    private boolean poked;

    BusState(int maxTopics, int maxAnswers) {
        if (maxTopics < 1 || maxAnswers < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxTopics = maxTopics;
        this.maxAnswers = maxAnswers;
    }

    /** The latest state of a retained topic; the same payload again is no news. Returns whether it was news. */
    boolean retain(String topic, byte[] payload) {
        lock.lock();
        try {
            byte[] before = retained.get(topic);
            if (before != null && Arrays.equals(before, payload)) {
                return false;
            }
            if (before == null && retained.size() >= maxTopics) {
                if (dropped++ == 0 || dropped % 1000 == 0) {
                    LOG.warn(
                            "EF3870 local bus keeps at most {} topics: {} dropped so far (is a device model that large?)",
                            maxTopics,
                            dropped);
                }
                return false;
            }
            retained.put(topic, payload);
            if (!unpublished.add(topic)) {
                superseded++;
            }
            news.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Clears every retained topic that starts with {@code prefix} (a removed device) on the broker. */
    void forget(String prefix) {
        lock.lock();
        try {
            List<String> topics =
                    retained.keySet().stream().filter(t -> t.startsWith(prefix)).toList();
            topics.forEach(t -> retain(t, FORGOTTEN));
        } finally {
            lock.unlock();
        }
    }

    /** An answer to publish once; the oldest is dropped when the queue is full. */
    void answer(BusMessage message) {
        lock.lock();
        try {
            if (answers.size() >= maxAnswers) {
                answers.removeFirst();
                dropped++;
            }
            answers.addLast(message);
            news.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** After a connect: every retained topic is to be published again. */
    void republishAll() {
        lock.lock();
        try {
            unpublished.addAll(retained.keySet());
            news.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends a {@link #take} that waits (the connection was lost, the bus is closing). */
    void poke() {
        lock.lock();
        try {
            poked = true;
            news.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next message to publish, answers first (a workload waits for them); empty after {@code
     * wait}, or at once after {@link #poke}.
     */
    Optional<BusMessage> take(Duration wait) throws InterruptedException {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (answers.isEmpty() && unpublished.isEmpty() && !poked && nanos > 0) {
                nanos = news.awaitNanos(nanos);
            }
            poked = false;
            if (!answers.isEmpty()) {
                return Optional.of(answers.removeFirst());
            }
            Iterator<String> next = unpublished.iterator();
            while (next.hasNext()) {
                String topic = next.next();
                next.remove();
                byte[] payload = retained.get(topic);
                if (payload != null) { // null: a forgotten topic the broker has confirmed meanwhile
                    return Optional.of(new BusMessage(topic, payload, true, Optional.empty()));
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** A taken message was not sent (no room, the client refused it): it goes first next time. */
    void retry(BusMessage message) {
        lock.lock();
        try {
            if (message.retained()) {
                unpublished.add(message.topic());
            } else {
                answers.addFirst(message);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A sent message was not confirmed: a retained topic waits for the next try, an answer is lost. */
    void failed(BusMessage message) {
        lock.lock();
        try {
            if (message.retained()) {
                unpublished.add(message.topic());
            } else {
                dropped++;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The broker has it; a forgotten topic is forgotten here too unless it was set again meanwhile. */
    void delivered(BusMessage message) {
        if (!message.retained() || message.payload().length > 0) {
            return;
        }
        lock.lock();
        try {
            byte[] now = retained.get(message.topic());
            if (now != null && now.length == 0 && !unpublished.contains(message.topic())) {
                retained.remove(message.topic());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Counts a message lost before it reached this queue (inbound overflow). */
    void countDropped() {
        lock.lock();
        try {
            dropped++;
        } finally {
            lock.unlock();
        }
    }

    long superseded() {
        lock.lock();
        try {
            return superseded;
        } finally {
            lock.unlock();
        }
    }

    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** The latest payload of a retained topic (tests, and what a new subscriber would get). */
    Optional<byte[]> current(String topic) {
        lock.lock();
        try {
            return Optional.ofNullable(retained.get(topic)).filter(p -> p.length > 0);
        } finally {
            lock.unlock();
        }
    }
}
