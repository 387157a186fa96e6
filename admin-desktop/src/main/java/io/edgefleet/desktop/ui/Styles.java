package io.edgefleet.desktop.ui;

import javafx.scene.control.Label;

/** The few inline styles the views share (no stylesheet file to keep in step). */
public final class Styles {
    public static final String ERROR = "-fx-text-fill: #c62828;";
    public static final String MUTED = "-fx-text-fill: #555;";
    public static final String STALE = "-fx-text-fill: #c62828; -fx-font-weight: bold;";

    private Styles() {}

    /** A label bound to a view's freshness: grey when fresh, red and bold when stale. */
    public static Label freshnessLabel(Freshness freshness, String id) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(freshness.text());
        label.styleProperty().bind(freshness.staleProperty().map(stale -> stale ? STALE : MUTED));
        return label;
    }

    public static Label title(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        return label;
    }

    public static Label error(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setStyle(ERROR);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }
}
