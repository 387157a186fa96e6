package io.edgefleet.desktop.event;

import static io.edgefleet.desktop.FakeFleetClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.desktop.FakeFleetClient;
import io.edgefleet.desktop.api.SseEvent;
import io.edgefleet.desktop.ui.Dispatch;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsViewModelTest {
    private final FakeFleetClient server = new FakeFleetClient().answer("/api/v1/events", fixture("events.json"));
    private final EventsViewModel viewModel = new EventsViewModel(server, Dispatch.direct(), Clock.systemUTC());
    private long watchFrom;

    @BeforeEach
    void load() {
        viewModel.load(version -> watchFrom = version);
    }

    private static SseEvent added(long id, String type, String reason) {
        return new SseEvent(
                Optional.of(Long.toString(id)),
                "ADDED",
                "{\"id\":" + id + ",\"time\":\"2026-12-03T10:01:00Z\",\"type\":\"" + type + "\",\"reason\":\"" + reason
                        + "\",\"involvedKind\":\"Workload\",\"involvedName\":\"w1\",\"node\":\"n1\","
                        + "\"message\":\"m\",\"actor\":\"system\"}");
    }

    @Test
    void newestFirstAndLiveEventsGoOnTopOnce() {
        assertThat(watchFrom).isEqualTo(140);
        assertThat(viewModel.shown()).extracting(FleetEvent::id).containsExactly(17L, 16L, 15L);
        viewModel.applyWatchEvent(added(18, "Warning", "WorkloadFailed"));
        viewModel.applyWatchEvent(added(18, "Warning", "WorkloadFailed"));
        assertThat(viewModel.shown()).extracting(FleetEvent::id).containsExactly(18L, 17L, 16L, 15L);
    }

    @Test
    void filterByTypeAndText() {
        viewModel.typeFilterProperty().set("Warning");
        assertThat(viewModel.shown()).extracting(FleetEvent::reason).containsExactly("NodeOffline");
        viewModel.typeFilterProperty().set("");
        viewModel.textFilterProperty().set("press-1");
        assertThat(viewModel.shown()).extracting(FleetEvent::id).containsExactly(16L);
        viewModel.applyWatchEvent(added(19, "Normal", "Press-1Restarted"));
        assertThat(viewModel.shown())
                .as("the filter applies to live events too")
                .extracting(FleetEvent::id)
                .containsExactly(19L, 16L);
    }
}
