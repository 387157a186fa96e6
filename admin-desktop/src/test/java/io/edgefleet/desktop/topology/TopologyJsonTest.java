package io.edgefleet.desktop.topology;

import static io.edgefleet.desktop.FakeFleetClient.fixtureText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyJsonTest {
    private static Topology read(String mediaType, String json) throws IOException {
        return TopologyJson.read(mediaType, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rowsAndObjectsOfTheSameTopologyReadTheSame() throws IOException {
        Topology rows = read(TopologyJson.ROWS, fixtureText("topology-rows.json"));
        Topology objects = read("application/json", fixtureText("topology.json"));
        assertThat(rows).isEqualTo(objects);
        assertThat(rows.tenant()).isEqualTo("default");
        assertThat(rows.resourceVersion()).isEqualTo(123);
        assertThat(rows.nodes().getFirst())
                .isEqualTo(new NodeSummary(
                        "n1", "Online", Map.of("site", "plant-a", "line", "2"), new DeviceCounts(10, 9, 1, 0)));
        assertThat(rows.nodes().getLast().labels())
                .as("no site label without a site")
                .isEmpty();
    }

    @Test
    void rowsAreReadByColumnNameSoThatColumnsAServerAddsAreSkipped() throws IOException {
        Topology topology = read(
                TopologyJson.ROWS,
                "{\"columns\":[\"firmware\",\"unknown\",\"offline\",\"online\",\"labels\",\"phase\",\"name\"],"
                        + "\"sites\":[{\"name\":\"s\",\"nodes\":[[{\"v\":[1]},3,2,1,{},\"Online\",\"n\"]]}],"
                        + "\"resourceVersion\":9,\"tenant\":\"t\"}");
        assertThat(topology.nodes())
                .containsExactly(new NodeSummary("n", "Online", Map.of("site", "s"), new DeviceCounts(6, 1, 2, 3)));
        assertThat(topology.resourceVersion()).isEqualTo(9);
    }

    @Test
    void rowsWithoutAColumnTheTreeNeedsOrWithColumnsAfterTheSitesAreRefused() {
        assertThatThrownBy(() -> read(
                        TopologyJson.ROWS,
                        "{\"columns\":[\"name\",\"phase\",\"labels\",\"online\",\"offline\"],\"sites\":[]}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("no column 'unknown'");
        assertThatThrownBy(() -> read(TopologyJson.ROWS, "{\"sites\":[],\"columns\":[]}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("before the sites");
    }

    @Test
    void aTruncatedAnswerIsAnError() {
        String whole = fixtureText("topology-rows.json");
        assertThatThrownBy(() -> read(TopologyJson.ROWS, whole.substring(0, whole.length() / 2)))
                .isInstanceOf(IOException.class);
    }
}
