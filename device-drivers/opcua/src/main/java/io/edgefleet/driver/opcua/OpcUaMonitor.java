package io.edgefleet.driver.opcua;

import io.edgefleet.driver.Reading;
import io.edgefleet.driver.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA subscription with a monitored item per property, sampling at the requested interval.
 *
 * <p>Milo transfers the subscription to a new session after a reconnect. When the server no longer
 * knows it (it restarted), Milo reports the failed transfer and this monitor creates the
 * subscription and its items again; a monitor made while the session was down is created when the
 * session comes back. Deliveries and {@link #close()} share a lock, so the listener is not called
 * after close returns.
 */
final class OpcUaMonitor implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaMonitor.class);

    private final OpcUaSession session;
    private final List<String> properties;
    private final Duration interval;
    private final Consumer<Reading> listener;
    private final OpcUaSubscription subscription;
    private final ReentrantLock delivery = new ReentrantLock();
    private final Object setup = new Object();
    private volatile boolean active = true;
    private boolean established; // guarded by setup

    OpcUaMonitor(
            OpcUaSession session,
            OpcUaClient client,
            List<String> properties,
            List<OpcUaProperty> known,
            Duration interval,
            Consumer<Reading> listener) {
        this.session = session;
        this.properties = List.copyOf(properties);
        this.interval = interval;
        this.listener = listener;
        double millis = Math.max(1, interval.toMillis());
        this.subscription = new OpcUaSubscription(client, millis);
        subscription.setSubscriptionListener(new Recovery());
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (OpcUaProperty property : known) {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(property.nodeId());
            item.setSamplingInterval(millis);
            item.setDataValueListener(
                    (monitored, value) -> deliver(OpcUaValues.toReading(property, value, Instant.now())));
            items.add(item);
        }
        subscription.addMonitoredItems(items);
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

    /** Creates the subscription and its items on the server's current session. */
    void establish() {
        synchronized (setup) {
            if (!active) {
                return;
            }
            try {
                subscription
                        .createAsync()
                        .toCompletableFuture()
                        .get(session.connection().timeouts().request().toMillis(), TimeUnit.MILLISECONDS);
                subscription.synchronizeMonitoredItems();
                established = true;
            } catch (Exception e) {
                // Not fatal: the next reconnect or failed transfer tries again.
                established = false;
                LOG.warn(
                        "EF4104 OPC UA device {}: cannot create a subscription ({}); retrying after the next reconnect",
                        session.connection().device(),
                        e instanceof InterruptedException ? "interrupted" : OpcUaSession.reason(e));
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    void establishIfNeeded() {
        synchronized (setup) {
            if (established) {
                return;
            }
        }
        establish();
    }

    private void recreate(String why) {
        synchronized (setup) {
            established = false;
        }
        LOG.info(
                "EF4103 OPC UA device {}: recreating its subscription ({})",
                session.connection().device(),
                why);
        establish();
    }

    void deliver(Reading reading) {
        delivery.lock();
        try {
            if (!active) {
                return;
            }
            listener.accept(reading);
        } catch (RuntimeException e) {
            LOG.warn(
                    "EF4105 subscription listener of device {} failed on property {}; the subscription goes on",
                    session.connection().device(),
                    reading.property(),
                    e);
        } finally {
            delivery.unlock();
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
        session.forget(this);
        // Fire and forget: the server drops it with the session anyway if the delete is lost.
        subscription.deleteAsync();
    }

    /** Milo's subscription events that mean the server no longer has this subscription. */
    private final class Recovery implements OpcUaSubscription.SubscriptionListener {
        @Override
        public void onTransferFailed(OpcUaSubscription lost, StatusCode status) {
            session.recover(() -> recreate("transfer to the new session failed: " + OpcUaValues.describe(status)));
        }

        @Override
        public void onStatusChanged(OpcUaSubscription changed, StatusCode status) {
            if (status.value() == StatusCodes.Bad_Timeout) {
                session.recover(() -> recreate("the server timed it out"));
            }
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription silent) {
            session.recover(() -> recreate("no publish response within its keep-alive"));
        }
    }
}
