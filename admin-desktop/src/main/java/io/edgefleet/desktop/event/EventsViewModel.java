package io.edgefleet.desktop.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.api.SseEvent;
import io.edgefleet.desktop.ui.Dispatch;
import io.edgefleet.desktop.ui.Freshness;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The newest {@link #KEEP} events: the first page from {@code GET /api/v1/events}, then each event of
 * the watch put on top (an event seen twice, after a resume, is kept once). The table shows the
 * {@link #shown} list, filtered on the client so that typing never waits for the server.
 */
public final class EventsViewModel {
    static final int KEEP = 5_000;

    private final FleetClient client;
    private final Dispatch dispatch;
    private final Clock clock;
    private final ObservableList<FleetEvent> events = FXCollections.observableArrayList();
    private final FilteredList<FleetEvent> shown = new FilteredList<>(events);
    private final Set<Long> seen = new HashSet<>();
    private final StringProperty typeFilter = new SimpleStringProperty("");
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Freshness freshness = new Freshness();

    public EventsViewModel(FleetClient client, Dispatch dispatch, Clock clock) {
        this.client = client;
        this.dispatch = dispatch;
        this.clock = clock;
        typeFilter.addListener((obs, old, value) -> refilter());
        textFilter.addListener((obs, old, value) -> refilter());
    }

    /** Reads the newest page; {@code then} gets its resourceVersion, where the watch starts. */
    public void load(LongConsumer then) {
        dispatch.run(
                () -> client.get("/api/v1/events?limit=500").bodyOrThrow(),
                page -> {
                    List<FleetEvent> loaded = new ArrayList<>();
                    for (JsonNode item : page.path("items")) {
                        loaded.add(FleetEvent.parse(item));
                    }
                    seen.clear();
                    loaded.forEach(e -> seen.add(e.id()));
                    events.setAll(loaded);
                    error.set("");
                    freshness.updated(clock.instant());
                    then.accept(Json.listVersion(page));
                },
                failure -> error.set("cannot load events: " + failure.getMessage()));
    }

    /** An event of {@code /api/v1/watch/events}. */
    public void applyWatchEvent(SseEvent event) {
        freshness.updated(clock.instant());
        if (!"ADDED".equals(event.event())) {
            return;
        }
        FleetEvent added = FleetEvent.parse(Json.parse(event.data()));
        if (!seen.add(added.id())) {
            return;
        }
        events.addFirst(added);
        if (events.size() > KEEP) {
            FleetEvent dropped = events.removeLast();
            seen.remove(dropped.id());
        }
    }

    private void refilter() {
        EventFilter filter = new EventFilter(typeFilter.get(), textFilter.get());
        shown.setPredicate(filter::matches);
    }

    public FilteredList<FleetEvent> shown() {
        return shown;
    }

    public StringProperty typeFilterProperty() {
        return typeFilter;
    }

    public StringProperty textFilterProperty() {
        return textFilter;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public Freshness freshness() {
        return freshness;
    }
}
