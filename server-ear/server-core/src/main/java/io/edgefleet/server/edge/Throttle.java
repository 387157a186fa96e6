package io.edgefleet.server.edge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a log line about the same subject through at most once per interval, so that a deleted node
 * that keeps sending, or a misbehaving client, cannot fill the disk with the same warning.
 */
public final class Throttle {
    private static final int MAX_SUBJECTS = 10_000;

    private final Duration interval;
    private final Clock clock;
    private final Map<String, Instant> last = new ConcurrentHashMap<>();

    public Throttle(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** Whether to log about {@code subject} now. */
    public boolean allow(String subject) {
        Instant now = clock.instant();
        if (last.size() >= MAX_SUBJECTS) {
            last.clear();
        }
        boolean[] allowed = {false};
        last.compute(subject, (k, previous) -> {
            if (previous == null || !now.isBefore(previous.plus(interval))) {
                allowed[0] = true;
                return now;
            }
            return previous;
        });
        return allowed[0];
    }
}
