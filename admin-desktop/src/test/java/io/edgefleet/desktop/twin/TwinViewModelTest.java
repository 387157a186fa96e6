package io.edgefleet.desktop.twin;

import static io.edgefleet.desktop.FakeFleetClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.desktop.FakeFleetClient;
import io.edgefleet.desktop.ui.Dispatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwinViewModelTest {
    private static final String TWIN = "/api/v1/devices/press-1/twin";
    private final FakeFleetClient server = new FakeFleetClient()
            .answer(TWIN, fixture("twin-press-1.json"), "\"55\"")
            .answer("/api/v1/device-models/hydraulic-press", fixture("device-model-press.json"))
            .answer("PATCH " + TWIN, fixture("twin-press-1.json"), "\"56\"")
            .answer("/api/v1/devices/press-1/history", fixture("history-temperature.json"));
    private final TwinViewModel viewModel = new TwinViewModel(
            server, Dispatch.direct(), Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void show() {
        viewModel.show("press-1");
    }

    @Test
    void showsDesiredReportedAndDeltaPerPropertyWithUnitQualityAndTime() {
        assertThat(viewModel.modelNameProperty().get()).isEqualTo("hydraulic-press");
        TwinProperty setpoint = viewModel.properties().get(1);
        assertThat(setpoint)
                .extracting(
                        TwinProperty::name,
                        TwinProperty::unit,
                        TwinProperty::desired,
                        TwinProperty::desiredBy,
                        TwinProperty::reported,
                        TwinProperty::quality,
                        TwinProperty::delta,
                        TwinProperty::inSync)
                .containsExactly("setpoint", "bar", "6.5", "admin", "5.0", "good", "6.5", false);
        assertThat(setpoint.sourceTime()).contains(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(viewModel.properties().get(3).quality()).isEqualTo("stale");
    }

    @Test
    void aReadOnlyOrOutOfRangeValueIsRefusedBeforeItIsSent() {
        viewModel.setDesired("temperature", "20");
        assertThat(viewModel.editRefusedProperty().get()).isTrue();
        assertThat(viewModel.editMessageProperty().get()).contains("ReadOnly");
        viewModel.setDesired("setpoint", "99");
        assertThat(viewModel.editMessageProperty().get()).contains("at most 10.0 bar");
        assertThat(viewModel.patchesSent()).isZero();
        assertThat(server.requests("PATCH")).isEmpty();
    }

    @Test
    void aValidValueIsSentAsMergePatchWithIfMatch() {
        viewModel.setDesired("setpoint", "7.25");
        assertThat(server.requests("PATCH")).singleElement().satisfies(request -> {
            assertThat(request.body().orElseThrow()).hasToString("{\"desired\":{\"setpoint\":7.25}}");
            assertThat(request.ifMatch()).contains("\"55\"");
        });
        assertThat(viewModel.editRefusedProperty().get()).isFalse();
        assertThat(viewModel.editMessageProperty().get()).contains("accepted");
    }

    @Test
    void theServersRefusalIsShownWhenOneStillComes() {
        server.refuse("PATCH " + TWIN, 412, "precondition-failed", "the twin changed: ETag is now \"57\"");
        viewModel.setDesired("setpoint", "7");
        assertThat(viewModel.editRefusedProperty().get()).isTrue();
        assertThat(viewModel.editMessageProperty().get())
                .contains("the server refused it", "412", "precondition-failed", "ETag is now");
    }

    @Test
    void historyIsReadInBucketsForTheChart() {
        viewModel.loadHistory("temperature", Duration.ofHours(1));
        assertThat(server.requests().getLast().path())
                .isEqualTo("/api/v1/devices/press-1/history?property=temperature&from=2026-12-03T09:00:01Z"
                        + "&to=2026-12-03T10:00:01Z&step=PT1M");
        assertThat(viewModel.history())
                .containsExactly(
                        new HistoryPoint(Instant.parse("2026-12-03T09:00:00Z"), 41.0),
                        new HistoryPoint(Instant.parse("2026-12-03T09:01:00Z"), 43.0));
    }
}
