package io.edgefleet.desktop.workload;

import static io.edgefleet.desktop.FakeFleetClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.desktop.FakeFleetClient;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.api.SseEvent;
import io.edgefleet.desktop.ui.Dispatch;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkloadsViewModelTest {
    private final FakeFleetClient server = new FakeFleetClient()
            .answer(
                    "/api/v1/workloads",
                    Json.parse("{\"items\":[" + fixture("workload-line-counter.json")
                            + "],\"metadata\":{\"resourceVersion\":90}}"))
            .answer("/api/v1/workloads/line-counter", fixture("workload-line-counter.json"), "\"88\"")
            .answer("/api/v1/workloads/line-counter/instances", fixture("instances-line-counter.json"))
            .answer("PUT /api/v1/workloads/line-counter", fixture("workload-line-counter.json"), "\"91\"")
            .answer("POST /api/v1/workloads", fixture("workload-line-counter.json"), "\"92\"");
    private final WorkloadsViewModel viewModel = new WorkloadsViewModel(server, Dispatch.direct(), Clock.systemUTC());
    private long watchFrom;

    @BeforeEach
    void loadAndSelect() {
        viewModel.load(version -> watchFrom = version);
        viewModel.select("line-counter");
    }

    @Test
    void theListShowsRolloutStatusAndTheWatchStartsAtItsVersion() {
        assertThat(watchFrom).isEqualTo(90);
        RolloutStatus status = viewModel.workloads().getFirst();
        assertThat(status.describe()).isEqualTo("1/3 available, 2 updated, rolling out");
        assertThat(status.progress()).isEqualTo(1.0 / 3);
    }

    @Test
    void eachNodeShowsHowFarItsRolloutGot() {
        long generation = viewModel.selectedProperty().get().orElseThrow().generation();
        assertThat(viewModel.instances())
                .extracting(i -> i.node() + " " + i.stage(generation) + " " + i.progress(generation))
                .containsExactly("n1 done 1.0", "n2 updating 0.3", "n3 waiting 0.0");
    }

    @Test
    void anInstanceEventMovesThatNodesBar() {
        viewModel.applyWatchEvent(new SseEvent(
                Optional.empty(),
                "instance",
                "{\"workload\":\"line-counter\",\"node\":\"n2\",\"generation\":3,\"phase\":\"Running\","
                        + "\"restarts\":1,\"message\":\"\",\"since\":\"2026-12-03T10:00:00Z\"}"));
        assertThat(viewModel.instances().get(1).stage(3)).isEqualTo("done");
        assertThat(viewModel.instances().get(1).progress(3)).isEqualTo(1.0);
    }

    @Test
    void savingTheSelectedWorkloadPutsItWithIfMatch() {
        assertThat(viewModel.editorTextProperty().get())
                .contains("\"maxUnavailable\"")
                .doesNotContain("status");
        viewModel.save();
        assertThat(server.requests("PUT")).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/api/v1/workloads/line-counter");
            assertThat(request.ifMatch()).contains("\"88\"");
        });
        assertThat(viewModel.messageProperty().get()).contains("replaced: generation 3");
    }

    @Test
    void aNewWorkloadFromTheFormIsPosted() {
        viewModel.fillFromForm(new WorkloadForm("blinker", "site=plant-a", "echo hi; sleep 60", "Always", 2));
        viewModel.save();
        assertThat(server.requests("POST")).singleElement().satisfies(request -> {
            assertThat(request.ifMatch()).isEmpty();
            assertThat(request.body()
                            .orElseThrow()
                            .path("spec")
                            .path("template")
                            .path("command"))
                    .hasToString("[\"sh\",\"-c\",\"echo hi; sleep 60\"]");
            assertThat(request.body()
                            .orElseThrow()
                            .path("spec")
                            .path("rollout")
                            .path("maxUnavailable")
                            .asInt())
                    .isEqualTo(2);
        });
    }

    @Test
    void aRefusalIsShownAndJsonThatDoesNotParseIsNotSent() {
        server.refuse("PUT /api/v1/workloads/line-counter", 412, "precondition-failed", "changed meanwhile");
        viewModel.save();
        assertThat(viewModel.refusedProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get()).contains("precondition-failed", "changed meanwhile");
        int sent = server.requests().size();
        viewModel.editorTextProperty().set("{ not json");
        viewModel.save();
        assertThat(viewModel.messageProperty().get()).contains("does not parse");
        assertThat(server.requests()).hasSize(sent);
    }
}
