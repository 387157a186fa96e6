package io.edgefleet.server.link;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning line that a flood cannot multiply: at most {@code maxPerWindow} lines per window; the
 * rest are counted and summed up in one {@code EF2003} line when the next window starts (or on
 * {@link #flush()}). Whatever comes from the network through a link is logged through one of these.
 */
public final class RateLimitedLog {

    private final Logger logger;
    private final String id;
    private final int maxPerWindow;
    private final long windowNanos;
    private final LongSupplier nanoClock;

    private long windowStart;
    private int loggedInWindow;
    private long suppressedInWindow;

    /**
     * @param id the stable id of the lines this instance writes (for the summary line)
     * @param nanoClock {@link System#nanoTime()} outside tests
     */
    public RateLimitedLog(Logger logger, String id, int maxPerWindow, Duration window, LongSupplier nanoClock) {
        this.logger = Objects.requireNonNull(logger, "logger");
        this.id = Objects.requireNonNull(id, "id");
        if (maxPerWindow < 1) {
            throw new IllegalArgumentException("maxPerWindow must be positive");
        }
        this.maxPerWindow = maxPerWindow;
        this.windowNanos = window.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.windowStart = nanoClock.getAsLong();
    }

    /** 20 lines a minute. */
    public static RateLimitedLog perMinute(Logger logger, String id) {
        return new RateLimitedLog(logger, id, 20, Duration.ofMinutes(1), System::nanoTime);
    }

    /**
     * Logs at WARN unless this window's budget is spent.
     *
     * @return whether the line was written
     */
    public boolean warn(String format, Object... arguments) {
        boolean write;
        synchronized (this) {
            rollWindow();
            write = loggedInWindow < maxPerWindow;
            if (write) {
                loggedInWindow++;
            } else {
                suppressedInWindow++;
            }
        }
        if (write) {
            logger.warn(format, arguments);
        }
        return write;
    }

    /** Writes the summary of suppressed lines if the window is over; called periodically by the owner. */
    public void flush() {
        synchronized (this) {
            rollWindow();
        }
    }

    /** Lines suppressed in the current window so far. */
    public synchronized long suppressed() {
        return suppressedInWindow;
    }

    private void rollWindow() {
        long now = nanoClock.getAsLong();
        if (now - windowStart < windowNanos) {
            return;
        }
        if (suppressedInWindow > 0) {
            logger.warn(
                    "EF2003 suppressed {} {} lines in the last {} s",
                    suppressedInWindow,
                    id,
                    Duration.ofNanos(now - windowStart).toSeconds());
        }
        windowStart = now;
        loggedInWindow = 0;
        suppressedInWindow = 0;
    }
}
