package io.edgefleet.desktop.bench;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;

/**
 * When the renderer finished drawing frames of one scene, and when pulses laid it out. A pulse's
 * layout is not yet a frame: Quantum renders it afterwards on its own thread, and the next pulse waits
 * for that render before it synchronises the scene. So a frame is counted when its render is done,
 * which JavaFX reports through its PerformanceTracker. That class is internal API
 * ({@code com.sun.javafx.perf}); the bench runs on the class path, where it is reachable, and pins
 * JavaFX 21 through the parent POM.
 */
final class FrameClock {
    private final List<Long> rendered = new ArrayList<>();
    private final List<Long> laidOut = new ArrayList<>();

    FrameClock(Scene scene) {
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(this::frameRendered);
        scene.addPostLayoutPulseListener(this::pulseLaidOut);
    }

    private synchronized void frameRendered() {
        rendered.add(System.nanoTime());
    }

    private synchronized void pulseLaidOut() {
        laidOut.add(System.nanoTime());
    }

    /** The times frames were rendered, in order. */
    synchronized List<Long> rendered() {
        return List.copyOf(rendered);
    }

    /** The times pulses finished their layout, in order (for comparison with the rendered frames). */
    synchronized List<Long> laidOut() {
        return List.copyOf(laidOut);
    }

    /**
     * When the frame of a pulse was on screen. {@code synchronisedAt} is a moment after that pulse ended
     * (a runLater queued by its layout): the previous frame's render was done before the pulse
     * synchronised, so the first render finished after {@code synchronisedAt} is this pulse's frame, or
     * the next one's if this one was already done; a later frame makes the figure larger, never smaller.
     * When no frame follows within {@code idleNanos} the scene went idle and the pulse's frame is the last
     * one rendered before.
     */
    long frameOf(long laidOutAt, long synchronisedAt, long idleNanos) throws InterruptedException {
        long deadline = synchronisedAt + idleNanos;
        while (System.nanoTime() < deadline) {
            for (long at : rendered()) {
                if (at > synchronisedAt) {
                    return at;
                }
            }
            Thread.sleep(5);
        }
        long last = -1;
        for (long at : rendered()) {
            if (at > laidOutAt && at <= synchronisedAt) {
                last = at;
            }
        }
        if (last < 0) {
            throw new IllegalStateException("no frame was rendered after the pulse that laid out the topology");
        }
        return last;
    }

    /** Intervals in milliseconds between consecutive times within [from, to], sorted. */
    static List<Double> sortedIntervals(List<Long> times, long from, long to) {
        List<Double> intervals = new ArrayList<>();
        long previous = -1;
        for (long at : times) {
            if (at < from || at > to) {
                continue;
            }
            if (previous >= 0) {
                intervals.add((at - previous) / 1e6);
            }
            previous = at;
        }
        intervals.sort(null);
        return intervals;
    }
}
