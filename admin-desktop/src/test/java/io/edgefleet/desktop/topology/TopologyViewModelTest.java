package io.edgefleet.desktop.topology;

import static io.edgefleet.desktop.FakeFleetClient.fixture;
import static io.edgefleet.desktop.FakeFleetClient.fixtureText;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.desktop.FakeFleetClient;
import io.edgefleet.desktop.api.SseEvent;
import io.edgefleet.desktop.ui.Dispatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopologyViewModelTest {
    private final FakeFleetClient server = new FakeFleetClient()
            .answerRaw("/api/v1/topology", TopologyJson.ROWS, fixtureText("topology-rows.json"))
            .answer("/api/v1/devices", fixture("devices-n2.json"));
    private final TopologyViewModel viewModel = new TopologyViewModel(
            server, Dispatch.direct(), Clock.fixed(Instant.parse("2026-12-03T10:00:05Z"), ZoneOffset.UTC));
    private final List<Long> loadedVersions = new ArrayList<>();

    @BeforeEach
    void load() {
        viewModel.onLoaded(loadedVersions::add);
        viewModel.load();
    }

    private List<String> siteNames() {
        return viewModel.sitesProperty().get().stream().map(Site::displayName).toList();
    }

    private List<String> nodeNames() {
        return viewModel.sitesProperty().get().stream()
                .flatMap(s -> s.nodes().stream())
                .map(NodeSummary::name)
                .toList();
    }

    @Test
    void sitesComeFromTheSiteLabelAndNodesWithoutOneAreShownLast() {
        assertThat(siteNames()).containsExactly("plant-a", "(no site)");
        assertThat(loadedVersions).containsExactly(123L);
        assertThat(server.accepts()).as("rows asked for first").containsExactly(TopologyJson.ACCEPT);
        assertThat(viewModel.freshness().lastUpdatedProperty().get()).contains(Instant.parse("2026-12-03T10:00:05Z"));
        assertThat(viewModel.summaryProperty().get())
                .contains("4 nodes", "1 online", "1 degraded", "1 offline", "1 pending", "13/16 online");
    }

    @Test
    void anOnlineNodeWithAnOfflineDeviceIsDegraded() {
        assertThat(viewModel.node("n1").orElseThrow().health()).isEqualTo(NodeHealth.DEGRADED);
        assertThat(viewModel.node("n2").orElseThrow().health()).isEqualTo(NodeHealth.ONLINE);
        assertThat(viewModel.node("n3").orElseThrow().health()).isEqualTo(NodeHealth.OFFLINE);
        assertThat(viewModel.node("lab-pc").orElseThrow().health()).isEqualTo(NodeHealth.PENDING);
    }

    @Test
    void filterByLabelTextAndHealth() {
        viewModel.filterTextProperty().set("line=3");
        assertThat(nodeNames()).containsExactly("n2", "n3");
        viewModel.filterTextProperty().set("site=plant-a line!=3");
        assertThat(nodeNames()).containsExactly("n1");
        viewModel.filterTextProperty().set("LAB");
        assertThat(nodeNames()).containsExactly("lab-pc");
        viewModel.filterTextProperty().set("");
        viewModel.healthFilterProperty().set(Optional.of(NodeHealth.DEGRADED));
        assertThat(nodeNames()).containsExactly("n1");
    }

    @Test
    void aNodeEventChangesThatNodeInPlaceAndKeepsItsDeviceCounts() {
        List<NodeSummary> changed = new ArrayList<>();
        viewModel.onNodeChanged(changed::add);
        List<Site> before = viewModel.sitesProperty().get();
        viewModel.applyNodeEvent(new SseEvent(
                Optional.of("124"),
                "MODIFIED",
                "{\"metadata\":{\"name\":\"n2\",\"labels\":{\"site\":\"plant-a\",\"line\":\"3\"}},"
                        + "\"status\":{\"phase\":\"Offline\",\"lastSeen\":\"2026-12-03T10:00:04Z\"}}"));
        assertThat(changed).singleElement().satisfies(n -> {
            assertThat(n.phase()).isEqualTo("Offline");
            assertThat(n.devices().total()).isEqualTo(4);
        });
        assertThat(viewModel.sitesProperty().get())
                .as("no rebuild for an in-place change")
                .isSameAs(before);
    }

    @Test
    void aNodeThatMovesSiteOrIsEnrolledOrDeletedRebuildsTheTree() {
        viewModel.applyNodeEvent(
                new SseEvent(
                        Optional.of("125"),
                        "ADDED",
                        "{\"metadata\":{\"name\":\"b1\",\"labels\":{\"site\":\"plant-b\"}},\"status\":{\"phase\":\"Pending\"}}"));
        assertThat(siteNames()).containsExactly("plant-a", "plant-b", "(no site)");
        viewModel.applyNodeEvent(new SseEvent(
                Optional.of("126"), "DELETED", "{\"metadata\":{\"name\":\"lab-pc\",\"labels\":{}},\"status\":{}}"));
        assertThat(siteNames()).containsExactly("plant-a", "plant-b");
    }

    @Test
    void devicesAreReadWhenANodeIsExpandedAndDeviceEventsRecountTheirNode() {
        List<DeviceSummary> shown = new ArrayList<>();
        viewModel.loadDevices("n2", shown::addAll);
        assertThat(shown).extracting(DeviceSummary::name).containsExactly("press-1", "press-2", "oven-1", "oven-2");
        assertThat(server.requests().getLast().path()).isEqualTo("/api/v1/devices?limit=1000&node=n2");
        assertThat(viewModel.node("n2").orElseThrow().devices()).isEqualTo(new DeviceCounts(4, 2, 1, 1));
        assertThat(viewModel.node("n2").orElseThrow().health()).isEqualTo(NodeHealth.DEGRADED);

        int before = server.requests().size();
        for (int i = 0; i < 5; i++) {
            viewModel.applyDeviceEvent(
                    new SseEvent(
                            Optional.of("13" + i),
                            "MODIFIED",
                            "{\"metadata\":{\"name\":\"press-2\"},\"spec\":{\"node\":\"n2\"},\"status\":{\"state\":\"Online\"}}"));
        }
        assertThat(server.requests()).hasSize(before);
        viewModel.flushRecounts();
        assertThat(server.requests()).as("five device events, one recount").hasSize(before + 1);
    }

    @Test
    void whatComesAfterALoadRunsWhenItWorkedAndWhenItFailed() {
        List<String> after = new ArrayList<>();
        viewModel.load(() ->
                after.add("after a read, error '" + viewModel.errorProperty().get() + "'"));
        server.unreachable(true);
        viewModel.load(() -> after.add("after a failure"));
        assertThat(after).containsExactly("after a read, error ''", "after a failure");
    }

    @Test
    void aFailedLoadSaysSoAndKeepsWhatWasShown() {
        server.unreachable(true);
        viewModel.load();
        assertThat(viewModel.errorProperty().get()).contains("cannot load the topology", "connection refused");
        assertThat(nodeNames()).hasSize(4);
    }
}
