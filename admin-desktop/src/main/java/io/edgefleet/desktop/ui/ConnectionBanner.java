package io.edgefleet.desktop.ui;

import io.edgefleet.desktop.api.ConnectionMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The red bar across the top while the server does not answer: why, when the next retry is, and
 * that the data below is stale. Hidden (and taking no room) while the server answers.
 */
public final class ConnectionBanner extends HBox {
    private final ConnectionMonitor monitor;
    private final Clock clock;
    private final Label text = new Label();

    public ConnectionBanner(ConnectionMonitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
        setId("connection-banner");
        setPadding(new Insets(6, 10, 6, 10));
        setStyle("-fx-background-color: #c62828;");
        text.setId("connection-banner-text");
        text.setStyle("-fx-text-fill: white; -fx-font-weight: bold;");
        text.setWrapText(true);
        getChildren().add(text);
        visibleProperty().bind(monitor.reachableProperty().not());
        managedProperty().bind(visibleProperty());
        Timeline tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> refresh()));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();
        monitor.reachableProperty().addListener((obs, old, reachable) -> refresh());
        monitor.nextRetryProperty().addListener((obs, old, next) -> refresh());
    }

    private void refresh() {
        text.setText(describe(
                monitor.problemProperty().get(),
                monitor.nextRetryProperty().get(),
                monitor.lastAnswerProperty().get(),
                clock.instant()));
    }

    static String describe(String problem, Optional<Instant> nextRetry, Optional<Instant> lastAnswer, Instant now) {
        String retry = nextRetry
                .map(at -> Math.max(0, Duration.between(now, at).toSeconds()))
                .map(s -> s == 0 ? "retrying now" : "next retry in " + s + " s")
                .orElse("retrying");
        String last = lastAnswer
                .map(at -> ", last answer " + Tables.time(Optional.of(at)))
                .orElse("");
        return "Server unreachable (" + problem + "): " + retry + last + ". What is shown may be stale.";
    }
}
