package io.edgefleet.server.watch;

import io.edgefleet.server.edge.Throttle;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch API of this cluster member: subscriptions by tenant, one poller for all of them, and the
 * heartbeat. Members share only the database, so changes made through another member reach this
 * member's clients the same way as its own: the poller reads {@code change_log} after each tenant's
 * cursor (versions commit in order, since writers serialize on the tenant row) and the instance
 * reports of the last moments, every {@link #POLL_INTERVAL}. The database sees one poll per tenant
 * with subscribers, however many clients watch.
 */
@ApplicationScoped
public class WatchHub {
    private static final Logger LOG = LoggerFactory.getLogger(WatchHub.class);

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(15);
    /** How far back each instance poll reads again (commit delay, clock skew between members). */
    static final Duration INSTANCE_OVERLAP = Duration.ofSeconds(5);

    static final int POLL_PAGE = 1000;
    private static final int MAX_PAGES_PER_POLL = 20;

    @Inject
    WatchStore store;

    @Inject
    MetricRegistry registry;

    private final Object lock = new Object();
    private final Map<Long, TenantFeed> feeds = new HashMap<>();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final Throttle warnings = new Throttle(Duration.ofMinutes(1), Clock.systemUTC());
    private Executor executor;

    /**
     * Starts a client's stream: from {@code from} (replaying the changes after it) or, when empty,
     * from the tenant's current version.
     *
     * @throws FleetException {@code resource-version-too-old} when changes after {@code from} were
     *     compacted away
     */
    public void subscribe(
            TenantRef tenant,
            WatchKind kind,
            Optional<Long> from,
            WatchSink sink,
            Executor drainExecutor,
            ScheduledExecutorService scheduler) {
        // Read before the subscription is registered: a new feed starts its cursor here, so the poller
        // delivers every change committed after this read, and the replay reads every one before it.
        Position position = store.position(tenant);
        long start = from.orElse(position.current());
        if (start < position.compacted()) {
            throw new FleetException(
                    ProblemCode.RESOURCE_VERSION_TOO_OLD,
                    "resourceVersion " + start + " is older than the oldest change kept (" + position.compacted()
                            + ")");
        }
        start(drainExecutor, scheduler);
        Subscription subscription =
                new Subscription(tenant, kind, start, sink, store, executorOrFail(), this::unsubscribe);
        synchronized (lock) {
            feeds.computeIfAbsent(tenant.id(), id -> new TenantFeed(tenant, position.current(), INSTANCE_OVERLAP))
                    .add(subscription);
        }
        subscription.start();
    }

    @PostConstruct
    void registerGauges() {
        for (WatchKind kind : WatchKind.values()) {
            registry.gauge(
                    Metadata.builder()
                            .withName("edgefleet_watch_subscribers")
                            .withDescription("Open watch streams of this member")
                            .build(),
                    this,
                    hub -> hub.subscribers(kind),
                    new Tag("kind", kind.path()));
        }
    }

    /** How many clients of this member watch {@code kind} now. */
    public int subscribers(WatchKind kind) {
        synchronized (lock) {
            return (int) feeds.values().stream()
                    .flatMap(f -> f.subscribers().stream())
                    .filter(s -> s.kind() == kind)
                    .count();
        }
    }

    private void unsubscribe(Subscription subscription) {
        synchronized (lock) {
            feeds.values().removeIf(feed -> {
                feed.remove(subscription);
                return feed.isEmpty();
            });
        }
    }

    private synchronized void start(Executor drainExecutor, ScheduledExecutorService scheduler) {
        if (!tasks.isEmpty()) {
            return;
        }
        executor = drainExecutor;
        tasks.add(scheduler.scheduleWithFixedDelay(
                this::poll, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS));
        tasks.add(scheduler.scheduleAtFixedRate(
                this::heartbeat, HEARTBEAT_INTERVAL.toMillis(), HEARTBEAT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS));
        LOG.info("EF1140 watch poller started, every {} ms", POLL_INTERVAL.toMillis());
    }

    private synchronized Executor executorOrFail() {
        if (executor == null) {
            throw new FleetException(ProblemCode.UNAVAILABLE, "the watch API is stopping");
        }
        return executor;
    }

    private List<TenantFeed> activeFeeds() {
        synchronized (lock) {
            return List.copyOf(feeds.values());
        }
    }

    void poll() {
        for (TenantFeed feed : activeFeeds()) {
            try {
                pollChanges(feed);
                if (feed.wantsInstances()) {
                    pollInstances(feed);
                }
            } catch (RuntimeException e) {
                // The cursor did not move: the next poll reads the same rows again.
                if (warnings.allow("poll")) {
                    LOG.warn(
                            "EF1141 watch poll of tenant {} failed, retrying: {}",
                            feed.tenant().name(),
                            e.toString());
                }
            }
        }
    }

    private void pollChanges(TenantFeed feed) {
        for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
            List<WatchEvent.Change> changes =
                    store.changesAfter(feed.tenant().id(), feed.cursor(), Optional.empty(), POLL_PAGE);
            feed.publish(changes);
            if (changes.size() < POLL_PAGE) {
                return;
            }
        }
    }

    private void pollInstances(TenantFeed feed) {
        InstanceWindow window = feed.instances();
        long tenantId = feed.tenant().id();
        if (!window.primed()) {
            Optional<Instant> latest = store.latestReport(tenantId);
            List<ReportedInstance> recent = latest.map(
                            l -> store.instancesReportedFrom(tenantId, window.from(l), POLL_PAGE))
                    .orElse(List.of());
            window.prime(latest, recent);
            return;
        }
        Instant from = window.from();
        for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
            List<ReportedInstance> reports = store.instancesReportedFrom(tenantId, from, POLL_PAGE);
            feed.publishInstances(window.accept(reports));
            if (reports.size() < POLL_PAGE || reports.getLast().reportedAt().equals(from)) {
                return;
            }
            from = reports.getLast().reportedAt();
        }
    }

    void heartbeat() {
        for (TenantFeed feed : activeFeeds()) {
            feed.subscribers().forEach(s -> s.offer(WatchEvent.HEARTBEAT));
        }
    }

    @PreDestroy
    synchronized void stop() {
        tasks.forEach(task -> task.cancel(false));
        tasks.clear();
        executor = null;
        activeFeeds().forEach(feed -> List.copyOf(feed.subscribers()).forEach(Subscription::close));
    }
}
