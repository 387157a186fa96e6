package io.edgefleet.systemtest.bench;

import java.util.Locale;

/** Prints figures as {@code metric value unit}, one a line, and progress to standard error. */
final class Figures {
    private Figures() {}

    static void print(String metric, double value, String unit) {
        System.out.printf(Locale.ROOT, "%s %.3f %s%n", metric, value, unit);
        System.out.flush();
    }

    static void print(String metric, long value, String unit) {
        System.out.printf(Locale.ROOT, "%s %d %s%n", metric, value, unit);
        System.out.flush();
    }

    static void progress(String message) {
        System.err.println("  .. " + message);
    }
}
