package io.edgefleet.server.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which reported instances a tenant's subscribers have not seen yet. A report is stamped when it is
 * written but becomes visible when its transaction commits, maybe later, and cluster members' clocks
 * differ a little: so each poll reads again from {@code overlap} before the newest report seen, and
 * this window drops what it has already delivered (same instance, same report time).
 *
 * <p>Not thread-safe: the poller owns it.
 */
final class InstanceWindow {
    private final Duration overlap;
    private final Map<String, Instant> delivered = new HashMap<>();
    private Optional<Instant> newest = Optional.empty();
    private boolean primed;

    InstanceWindow(Duration overlap) {
        this.overlap = overlap;
    }

    boolean primed() {
        return primed;
    }

    /**
     * Starts the window at the newest report that exists when the tenant's first subscriber came:
     * reports up to it are old news.
     *
     * @param latest the tenant's newest {@code reported_at}, empty when nothing was reported yet
     * @param recent the reports read from {@link #from(Instant)} of {@code latest}
     */
    void prime(Optional<Instant> latest, List<ReportedInstance> recent) {
        newest = latest.or(() -> Optional.of(Instant.EPOCH));
        recent.forEach(this::remember);
        primed = true;
    }

    /** Where the next poll reads from. */
    Instant from() {
        return from(newest.orElse(Instant.EPOCH));
    }

    Instant from(Instant latest) {
        return latest.minus(overlap);
    }

    /** The reports not delivered before, in the order read; remembers them. */
    List<WatchEvent.InstanceChange> accept(List<ReportedInstance> reports) {
        List<WatchEvent.InstanceChange> fresh = new ArrayList<>();
        for (ReportedInstance report : reports) {
            if (remember(report)) {
                fresh.add(report.event());
            }
        }
        Instant floor = from();
        delivered.values().removeIf(reportedAt -> reportedAt.isBefore(floor));
        return fresh;
    }

    private boolean remember(ReportedInstance report) {
        Instant previous = delivered.put(report.key(), report.reportedAt());
        if (newest.isEmpty() || report.reportedAt().isAfter(newest.get())) {
            newest = Optional.of(report.reportedAt());
        }
        return !report.reportedAt().equals(previous);
    }

    int remembered() {
        return delivered.size();
    }
}
