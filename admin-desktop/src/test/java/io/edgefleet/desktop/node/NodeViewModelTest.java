package io.edgefleet.desktop.node;

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

class NodeViewModelTest {
    private final FakeFleetClient server = new FakeFleetClient()
            .answer(
                    "/api/v1/nodes/n1",
                    Json.parse("{\"metadata\":{\"name\":\"n1\",\"labels\":{\"site\":\"plant-a\",\"line\":\"2\"}},"
                            + "\"spec\":{},\"status\":{\"phase\":\"Online\",\"lastSeen\":\"2026-12-03T10:00:00Z\","
                            + "\"agentVersion\":\"0.1.0\",\"os\":\"linux\",\"arch\":\"amd64\",\"hostname\":\"ipc-7\","
                            + "\"appliedVersion\":120,\"outboxDepth\":0}}"))
            .answer(
                    "/api/v1/nodes/n1/workloads",
                    Json.parse("{\"items\":[{\"workload\":\"w1\",\"generation\":3,\"phase\":\"Running\",\"restarts\":2,"
                            + "\"lastExitCode\":null,\"message\":\"\",\"since\":\"2026-12-03T09:00:00Z\"}]}"))
            .answer("/api/v1/events", fixture("events.json"));
    private final NodeViewModel viewModel = new NodeViewModel(server, Dispatch.direct(), Clock.systemUTC());

    @BeforeEach
    void show() {
        viewModel.show("n1");
    }

    @Test
    void showsLabelsAgentLastSeenWorkloadsAndRecentEvents() {
        NodeDetail detail = viewModel.detailProperty().get().orElseThrow();
        assertThat(detail.labels()).containsEntry("line", "2").containsEntry("site", "plant-a");
        assertThat(detail.agentVersion()).isEqualTo("0.1.0");
        assertThat(detail.platform()).isEqualTo("linux/amd64");
        assertThat(detail.conditions()).isEmpty();
        assertThat(viewModel.workloads()).singleElement().satisfies(w -> {
            assertThat(w.phase()).isEqualTo("Running");
            assertThat(w.restarts()).isEqualTo(2);
            assertThat(w.lastExitCode()).isEmpty();
        });
        assertThat(server.requests().getLast().path()).isEqualTo("/api/v1/events?limit=50&node=n1");
        assertThat(viewModel.events()).hasSize(3);
    }

    @Test
    void theLogOfAWorkloadIsReadOnTheNodeThroughTheServer() {
        server.answer(
                "/api/v1/nodes/n1/workloads/w1/logs",
                Json.parse("{\"node\":\"n1\",\"workload\":\"w1\",\"stream\":\"stderr\",\"lines\":[\"a\",\"b\"],"
                        + "\"truncated\":true,\"message\":\"2 lines\"}"));

        viewModel.loadLogs("w1", true);

        assertThat(server.requests().getLast().path())
                .isEqualTo("/api/v1/nodes/n1/workloads/w1/logs?stream=stderr&lines=" + NodeViewModel.LOG_LINES);
        assertThat(viewModel.logLines()).containsExactly("a", "b");
        assertThat(viewModel.logStatusProperty().get()).contains("stderr of w1", "2 line(s)", "older ones left out");
    }

    @Test
    void aNodeThatCannotSendItsLogsSaysSoAndKeepsWhatWasShown() {
        server.answer(
                "/api/v1/nodes/n1/workloads/w1/logs",
                Json.parse("{\"lines\":[\"kept\"],\"truncated\":false,\"message\":\"\"}"));
        viewModel.loadLogs("w1", false);
        server.refuse("/api/v1/nodes/n1/workloads/w1/logs", 409, "node-offline", "node n1 is Offline");

        viewModel.loadLogs("w1", false);

        assertThat(viewModel.logStatusProperty().get()).contains("node-offline", "node n1 is Offline");
        assertThat(viewModel.logLines()).containsExactly("kept");
        assertThat(NodeViewModel.LOGS_NOTE).contains("edgefleet-edge logs");
    }

    @Test
    void openingAnotherNodeClearsTheLog() {
        server.answer("/api/v1/nodes/n1/workloads/w1/logs", Json.parse("{\"lines\":[\"x\"]}"));
        viewModel.loadLogs("w1", false);

        viewModel.show("n2");

        assertThat(viewModel.logLines()).isEmpty();
    }

    @Test
    void eventsOfThisNodeArriveLiveAndOthersAreIgnored() {
        viewModel.applyEvent(new SseEvent(
                Optional.of("141"), "ADDED", "{\"id\":20,\"type\":\"Warning\",\"reason\":\"X\",\"node\":\"n1\"}"));
        viewModel.applyEvent(new SseEvent(
                Optional.of("142"), "ADDED", "{\"id\":21,\"type\":\"Warning\",\"reason\":\"Y\",\"node\":\"n9\"}"));
        assertThat(viewModel.events().getFirst().id()).isEqualTo(20);
        assertThat(viewModel.events()).hasSize(4);
    }
}
