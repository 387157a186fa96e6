package io.edgefleet.server.web.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.server.topology.Topology;
import io.edgefleet.server.web.json.RestJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopologyJsonTest {
    private static final ObjectMapper MAPPER = RestJson.newMapper();
    private static final Topology TOPOLOGY = new Topology(
            "default",
            42,
            List.of(
                    new Topology.Site(
                            "plant-a",
                            List.of(
                                    new Topology.SiteNode(
                                            "ipc-1",
                                            "Online",
                                            Optional.of(Instant.parse("2026-12-07T10:00:00.123456Z")),
                                            Map.of("site", "plant-a", "line", "2", "area", "press shop"),
                                            new Topology.DeviceCounts(10, 7, 1, 2)),
                                    new Topology.SiteNode(
                                            "ipc-2",
                                            "Pending",
                                            Optional.empty(),
                                            Map.of("site", "plant-a"),
                                            new Topology.DeviceCounts(0, 0, 0, 0)))),
                    new Topology.Site(
                            "",
                            List.of(new Topology.SiteNode(
                                    "lab-\"pc\"",
                                    "Offline",
                                    Optional.of(Instant.parse("2026-12-07T09:00:00Z")),
                                    Map.of(),
                                    new Topology.DeviceCounts(1, 0, 0, 1))))));

    private static JsonNode written(TopologyRepresentation representation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TopologyJson.write(TOPOLOGY, representation, out);
        return MAPPER.readTree(out.toByteArray());
    }

    @Test
    void objectsAreWhatTheApisJsonMapperWritesForTheRecords() throws IOException {
        // Both parsed, so that numbers compare by value and fields regardless of order.
        assertThat(written(TopologyRepresentation.OBJECTS))
                .isEqualTo(MAPPER.readTree(MAPPER.writeValueAsBytes(TOPOLOGY)));
    }

    @Test
    void rowsFollowTheirColumnsAndLeaveOutTheSiteLabelAndTheTotal() throws IOException {
        JsonNode rows = written(TopologyRepresentation.ROWS);
        assertThat(rows.path("tenant").asText()).isEqualTo("default");
        assertThat(rows.path("resourceVersion").asLong()).isEqualTo(42);
        assertThat(MAPPER.convertValue(rows.path("columns"), List.class)).isEqualTo(TopologyJson.COLUMNS);
        assertThat(rows.path("sites").get(0).path("nodes").get(0).toString())
                .isEqualTo("[\"ipc-1\",\"Online\",\"2026-12-07T10:00:00.123456Z\","
                        + "{\"area\":\"press shop\",\"line\":\"2\"},7,1,2]");
        assertThat(rows.path("sites").get(0).path("nodes").get(1).toString())
                .as("never seen: lastSeen null")
                .isEqualTo("[\"ipc-2\",\"Pending\",null,{},0,0,0]");
        assertThat(rows.path("sites").get(1).path("name").asText()).isEmpty();
        assertThat(rows.path("sites").get(1).path("nodes").get(0).get(0).asText())
                .isEqualTo("lab-\"pc\"");
    }

    @Test
    void theColumnsComeBeforeTheSitesSoThatAStreamingReaderKnowsThemInTime() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TopologyJson.write(TOPOLOGY, TopologyRepresentation.ROWS, out);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.indexOf("\"columns\"")).isLessThan(text.indexOf("\"sites\""));
    }

    @Test
    void theSameTopologyIsAlwaysTheSameBytes() throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        TopologyJson.write(TOPOLOGY, TopologyRepresentation.OBJECTS, first);
        TopologyJson.write(TOPOLOGY, TopologyRepresentation.OBJECTS, second);
        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
        assertThat(first.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"labels\":{\"area\":\"press shop\",\"line\":\"2\",\"site\":\"plant-a\"}");
    }
}
