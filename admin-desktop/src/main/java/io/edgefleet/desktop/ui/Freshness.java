package io.edgefleet.desktop.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How fresh a view's data is: when it last came from the server, and whether it may be out of date
 * (the server is unreachable or the view's watch stream is broken). Views show {@link #text} so
 * that nothing is silently stale.
 */
public final class Freshness {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObjectProperty<Optional<Instant>> lastUpdated = new SimpleObjectProperty<>(Optional.empty());
    private final BooleanProperty stale = new SimpleBooleanProperty(false);
    private final StringBinding text =
            Bindings.createStringBinding(() -> describe(lastUpdated.get(), stale.get()), lastUpdated, stale);

    public static String describe(Optional<Instant> lastUpdated, boolean stale) {
        String when = lastUpdated.map(t -> "last updated " + TIME.format(t)).orElse("not loaded yet");
        return stale ? "STALE: " + when + " (server unreachable, retrying)" : when;
    }

    public void updated(Instant at) {
        lastUpdated.set(Optional.of(at));
    }

    public ObjectProperty<Optional<Instant>> lastUpdatedProperty() {
        return lastUpdated;
    }

    public BooleanProperty staleProperty() {
        return stale;
    }

    public StringBinding text() {
        return text;
    }

    public boolean isStale() {
        return stale.get();
    }
}
