package io.edgefleet.driver.mqtt;

import io.edgefleet.driver.Reading;
import io.edgefleet.driver.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readings pushed as state arrives, at most one per property per interval: arrivals replace a
 * pending reading, and the session's scheduler hands the pending ones to the listener once per
 * interval (so the latest value is never lost, only coalesced). Deliveries and {@link #close()}
 * share a lock, so the listener is not called after close returns.
 */
final class MqttWatch implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(MqttWatch.class);

    private final MqttDeviceSession session;
    private final List<String> properties;
    private final Duration interval;
    private final Consumer<Reading> listener;
    private final Map<String, Reading> pending = new LinkedHashMap<>(); // guarded by itself
    private final ReentrantLock delivery = new ReentrantLock();
    private volatile boolean active = true;
    private volatile ScheduledFuture<?> schedule;

    MqttWatch(MqttDeviceSession session, List<String> properties, Duration interval, Consumer<Reading> listener) {
        this.session = session;
        this.properties = List.copyOf(properties);
        this.interval = interval;
        this.listener = listener;
    }

    void scheduledAs(ScheduledFuture<?> future) {
        this.schedule = future;
    }

    @Override
    public List<String> properties() {
        return properties;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    void offer(Reading reading) {
        synchronized (pending) {
            pending.put(reading.property(), reading);
        }
    }

    /** State arrived on {@code topic}: queue fresh readings of the watched properties it carries. */
    void topicChanged(String topic, Function<String, Reading> reader) {
        if (!active) {
            return;
        }
        for (String name : properties) {
            if (session.stateTopicOf(name).filter(topic::equals).isPresent()) {
                offer(reader.apply(name));
            }
        }
    }

    /** One interval: deliver what is pending. */
    void flush() {
        List<Reading> due;
        synchronized (pending) {
            due = new ArrayList<>(pending.values());
            pending.clear();
        }
        delivery.lock();
        try {
            for (Reading reading : due) {
                if (!active) {
                    return;
                }
                deliver(reading);
            }
        } finally {
            delivery.unlock();
        }
    }

    private void deliver(Reading reading) {
        try {
            listener.accept(reading);
        } catch (RuntimeException e) {
            LOG.warn(
                    "EF4204 subscription listener of device {} failed on property {}; the subscription goes on",
                    session.connection().device(),
                    reading.property(),
                    e);
        }
    }

    @Override
    public void close() {
        delivery.lock();
        try {
            active = false;
        } finally {
            delivery.unlock();
        }
        ScheduledFuture<?> future = schedule;
        if (future != null) {
            future.cancel(false);
        }
        session.forget(this);
    }
}
