package io.edgefleet.systemtest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** A small SVG of a latency distribution: each sample sorted (the CDF), with p50 and p99 marked. */
final class LatencyChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private LatencyChart() {}

    /** Writes the chart of {@code millis} to {@code file} and returns it. */
    static Path write(Path file, String title, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double max = niceCeiling(sorted[sorted.length - 1]);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                WIDTH,
                HEIGHT));
        svg.append(text(WIDTH / 2.0, 20, "middle", title + " (n=" + sorted.length + ")"));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4.0;
            svg.append(line(LEFT, y, LEFT + plotW, y, "#ddd"));
            svg.append(text(LEFT - 6, y + 4, "end", (i * 25) + "%"));
            double x = LEFT + plotW * i / 4.0;
            svg.append(line(x, TOP, x, TOP + plotH, "#ddd"));
            svg.append(text(x, TOP + plotH + 16, "middle", format(max * i / 4)));
        }
        svg.append(text(LEFT + plotW / 2.0, HEIGHT - 10, "middle", "latency (ms)"));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < sorted.length; i++) {
            double x = LEFT + plotW * sorted[i] / max;
            double y = TOP + plotH - plotH * (i + 1.0) / sorted.length;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim())
                .append("\"/>\n");
        mark(svg, "p50", sorted[sorted.length / 2], max, plotW, plotH, "#2ca02c");
        mark(svg, "p99", sorted[(int) Math.ceil(sorted.length * 0.99) - 1], max, plotW, plotH, "#d62728");
        svg.append("</svg>\n");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, svg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void mark(
            StringBuilder svg, String label, double value, double max, int plotW, int plotH, String color) {
        double x = LEFT + plotW * value / max;
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>%n",
                x,
                TOP,
                x,
                TOP + plotH,
                color));
        svg.append(
                text(x + 4, TOP + 12 + ("p99".equals(label) ? 14 : 0), "start", label + " " + format(value) + " ms"));
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1,
                y1,
                x2,
                y2,
                color);
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(
                Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, content);
    }

    private static String format(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code value}. */
    private static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-3))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
