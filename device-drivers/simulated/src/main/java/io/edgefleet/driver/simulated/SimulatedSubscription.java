package io.edgefleet.driver.simulated;

import io.edgefleet.driver.Reading;
import io.edgefleet.driver.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduled read of some properties, delivered to a listener on the session's subscription
 * thread. Deliveries and {@link #close()} share a lock, so once close returns the listener is not
 * called again; the lock is reentrant, so a listener may close its own subscription.
 */
final class SimulatedSubscription implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSubscription.class);

    private final SimulatedSession session;
    private final List<String> properties;
    private final Duration interval;
    private final Consumer<Reading> listener;
    private final ReentrantLock delivery = new ReentrantLock();
    private volatile boolean active = true;
    private volatile ScheduledFuture<?> schedule;

    SimulatedSubscription(
            SimulatedSession session, List<String> properties, Duration interval, Consumer<Reading> listener) {
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

    /** One tick: read the properties and hand each reading to the listener. */
    void tick() {
        try {
            if (!active) {
                return;
            }
            List<Reading> readings = session.readForSubscription(properties);
            delivery.lock();
            try {
                for (Reading reading : readings) {
                    if (!active) {
                        return;
                    }
                    deliver(reading);
                }
            } finally {
                delivery.unlock();
            }
        } catch (RuntimeException e) {
            // An exception escaping a scheduled task silently ends its schedule: log and go on.
            LOG.error(
                    "EF4002 subscription tick of device {} failed",
                    session.connection().device(),
                    e);
        }
    }

    private void deliver(Reading reading) {
        try {
            listener.accept(reading);
        } catch (RuntimeException e) {
            LOG.warn(
                    "EF4001 subscription listener of device {} failed on property {}; the subscription goes on",
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
