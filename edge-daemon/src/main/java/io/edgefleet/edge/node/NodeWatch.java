package io.edgefleet.edge.node;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the machine now and then (disk, memory) and queues a {@code node-status} when its facts or a
 * condition changed, with the cloud or without: the report waits in the outbox. The first look happens
 * in {@link #start} itself, so the report of a start is queued before the link connects.
 */
public final class NodeWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeWatch.class);
    /** Disks fill and memory runs short over minutes; a look costs two small reads. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);

    private final Path dataDir;
    private final NodeStatusReporter reporter;
    private final NodeConditions conditions;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor thread;

    private NodeWatch(Path dataDir, NodeStatusReporter reporter, Clock clock) {
        this.dataDir = dataDir;
        this.reporter = reporter;
        this.conditions = new NodeConditions(dataDir.toString());
        this.clock = clock;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "edge-node-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Looks once now, then every {@code period}. */
    public static NodeWatch start(Path dataDir, NodeStatusReporter reporter, Clock clock, Duration period) {
        NodeWatch watch = new NodeWatch(dataDir, reporter, clock);
        watch.look();
        long millis = period.toMillis();
        watch.thread.scheduleWithFixedDelay(watch::lookSafely, millis, millis, TimeUnit.MILLISECONDS);
        return watch;
    }

    private void look() {
        reporter.reportIfChanged(
                NodeFacts.currentReport(conditions.judge(HostReadings.read(dataDir), clock.instant())));
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            // The store may be closing, or full: the next look tries again.
            LOG.warn("EF3021 node conditions could not be checked or queued: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
