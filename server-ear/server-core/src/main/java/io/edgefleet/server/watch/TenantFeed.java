package io.edgefleet.server.watch;

import io.edgefleet.server.tenant.TenantRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The subscribers of one tenant and the poller's place in that tenant's change log and instance
 * reports. Created with the tenant's first subscriber at the version that subscriber read, dropped
 * with the last one; the cursor and window belong to the poller thread.
 */
final class TenantFeed {
    private final TenantRef tenant;
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private final InstanceWindow instances;
    private long cursor;

    TenantFeed(TenantRef tenant, long cursor, Duration overlap) {
        this.tenant = tenant;
        this.cursor = cursor;
        this.instances = new InstanceWindow(overlap);
    }

    TenantRef tenant() {
        return tenant;
    }

    long cursor() {
        return cursor;
    }

    InstanceWindow instances() {
        return instances;
    }

    void add(Subscription subscription) {
        subscribers.add(subscription);
    }

    void remove(Subscription subscription) {
        subscribers.remove(subscription);
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    List<Subscription> subscribers() {
        return subscribers;
    }

    boolean wantsInstances() {
        return subscribers.stream().anyMatch(s -> s.kind().instances());
    }

    /** Hands changes read after the cursor to every subscriber and moves the cursor past them. */
    void publish(List<WatchEvent.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        cursor = Math.max(cursor, changes.getLast().version());
        subscribers.forEach(s -> s.offerChanges(changes));
    }

    void publishInstances(List<WatchEvent.InstanceChange> changes) {
        for (WatchEvent.InstanceChange change : changes) {
            for (Subscription subscription : subscribers) {
                if (subscription.kind().instances()) {
                    subscription.offer(change);
                }
            }
        }
    }
}
