package io.edgefleet.desktop.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The drawn map of one site: a box per node, coloured by its health, holding its devices as dots
 * coloured by state (the real devices once the node was expanded, else its counts). A Canvas, so a
 * site of a thousand nodes is one draw call per box, not a thousand scene-graph nodes. Changes only
 * mark the map for drawing in the next layout pass, so a burst of node events costs one drawing per
 * pulse, and an unchanged map is never drawn again (scrolling the tree does not touch it).
 */
public final class SiteMap extends Region {
    private static final double GAP = 6;
    private static final double MIN_BOX = 22;
    private final Canvas canvas = new Canvas();
    private final Map<String, List<DeviceSummary>> knownDevices = new HashMap<>();
    private Optional<Site> site = Optional.empty();
    private Optional<String> selectedNode = Optional.empty();
    private boolean dirty = true;

    public SiteMap() {
        getChildren().add(canvas);
        setMinSize(200, 150);
        getStyleClass().add("site-map");
    }

    public void show(Optional<Site> site, Optional<String> selectedNode) {
        this.site = site;
        this.selectedNode = selectedNode;
        redraw();
    }

    /** Whether the map shows the site of that name (node changes elsewhere need no drawing). */
    public boolean showsSite(String name) {
        return site.map(s -> s.name().equals(name)).orElse(false);
    }

    public void devicesOf(String node, List<DeviceSummary> devices) {
        knownDevices.put(node, List.copyOf(devices));
        if (site.map(s -> s.nodes().stream().anyMatch(n -> n.name().equals(node)))
                .orElse(false)) {
            redraw();
        }
    }

    private void redraw() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(Color.web("#fafafa"));
        g.fillRect(0, 0, width, height);
        if (site.isEmpty()) {
            g.setFill(Color.GRAY);
            g.setFont(Font.font(13));
            g.fillText("Select a site or a node to see its map", 12, 24);
            return;
        }
        Site shown = site.get();
        g.setFill(Color.BLACK);
        g.setFont(Font.font(14));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("Site " + shown.displayName() + " · " + shown.nodes().size() + " nodes", 8, 6);
        double top = 30;
        int count = shown.nodes().size();
        if (count == 0 || width < MIN_BOX || height - top < MIN_BOX) {
            return;
        }
        double area = width * (height - top);
        double side = Math.max(MIN_BOX, Math.min(160, Math.sqrt(area / count) - GAP));
        int columns = Math.max(1, (int) ((width - GAP) / (side + GAP)));
        int rows = Math.max(1, (int) ((height - top - GAP) / (side + GAP)));
        int fits = Math.min(count, columns * rows);
        for (int i = 0; i < fits; i++) {
            double x = GAP + (i % columns) * (side + GAP);
            double y = top + (i / columns) * (side + GAP);
            drawNode(g, shown.nodes().get(i), x, y, side);
        }
        if (fits < count) {
            g.setFill(Color.BLACK);
            g.setFont(Font.font(12));
            g.fillText("+" + (count - fits) + " more nodes (filter to narrow)", 8, height - 18);
        }
    }

    private void drawNode(GraphicsContext g, NodeSummary node, double x, double y, double side) {
        Color color = StateColors.of(node.health());
        g.setFill(color.deriveColor(0, 1, 1, 0.18));
        g.fillRoundRect(x, y, side, side, 6, 6);
        boolean selected = selectedNode.map(node.name()::equals).orElse(false);
        g.setStroke(selected ? Color.web("#1565c0") : color);
        g.setLineWidth(selected ? 3 : 1.5);
        g.strokeRoundRect(x, y, side, side, 6, 6);
        if (side >= 48) {
            g.setFill(Color.BLACK);
            g.setFont(Font.font(Math.min(12, side / 6)));
            g.fillText(node.name(), x + 4, y + 3, side - 8);
        }
        double dotsTop = side >= 48 ? y + 20 : y + 3;
        drawDevices(g, node, x + 3, dotsTop, side - 6, y + side - 3 - dotsTop);
    }

    private void drawDevices(GraphicsContext g, NodeSummary node, double x, double y, double w, double h) {
        List<DeviceSummary> devices = knownDevices.get(node.name());
        DeviceCounts counts = node.devices();
        int total = devices == null ? counts.total() : devices.size();
        if (total == 0 || w <= 0 || h <= 0) {
            return;
        }
        double dot = Math.max(2, Math.min(10, Math.sqrt(w * h / total) - 1));
        int perRow = Math.max(1, (int) (w / (dot + 1)));
        int maxDots = perRow * Math.max(1, (int) (h / (dot + 1)));
        for (int i = 0; i < Math.min(total, maxDots); i++) {
            String state = devices != null ? devices.get(i).state() : stateByCount(counts, i);
            g.setFill(StateColors.ofDevice(state));
            g.fillOval(x + (i % perRow) * (dot + 1), y + (i / perRow) * (dot + 1), dot, dot);
        }
    }

    /** Without the device list: the first {@code online} dots green, then offline, then unknown. */
    private static String stateByCount(DeviceCounts counts, int index) {
        if (index < counts.online()) {
            return "Online";
        }
        return index < counts.online() + counts.offline() ? "Offline" : "Unknown";
    }
}
