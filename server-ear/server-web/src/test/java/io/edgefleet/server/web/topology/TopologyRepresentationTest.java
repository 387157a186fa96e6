package io.edgefleet.server.web.topology;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyRepresentationTest {
    private static final MediaType ROWS = new MediaType("application", "vnd.edgefleet.topology-rows+json");
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
    private static final MediaType ANY = MediaType.WILDCARD_TYPE;

    private static MediaType withQuality(MediaType type, String q) {
        return new MediaType(type.getType(), type.getSubtype(), Map.of("q", q));
    }

    @Test
    void integratorsWithoutAnAcceptHeaderOrWithJsonOrAWildcardGetObjects() {
        assertThat(TopologyRepresentation.chosenBy(List.of())).isEqualTo(TopologyRepresentation.OBJECTS);
        assertThat(TopologyRepresentation.chosenBy(List.of(ANY))).isEqualTo(TopologyRepresentation.OBJECTS);
        assertThat(TopologyRepresentation.chosenBy(List.of(JSON))).isEqualTo(TopologyRepresentation.OBJECTS);
        assertThat(TopologyRepresentation.chosenBy(List.of(new MediaType("application", "*"))))
                .isEqualTo(TopologyRepresentation.OBJECTS);
    }

    @Test
    void rowsWhenNamedAheadOfJson() {
        assertThat(TopologyRepresentation.chosenBy(List.of(ROWS))).isEqualTo(TopologyRepresentation.ROWS);
        assertThat(TopologyRepresentation.chosenBy(List.of(ROWS, withQuality(JSON, "0.5"))))
                .isEqualTo(TopologyRepresentation.ROWS);
        assertThat(TopologyRepresentation.chosenBy(List.of(JSON, ROWS))).isEqualTo(TopologyRepresentation.OBJECTS);
    }

    @Test
    void rowsRefusedWithQualityZeroAreNotSent() {
        assertThat(TopologyRepresentation.chosenBy(List.of(withQuality(ROWS, "0"), ANY)))
                .isEqualTo(TopologyRepresentation.OBJECTS);
    }

    @Test
    void gzipOnlyWhenAcceptedWithAQualityAboveZero() {
        assertThat(ContentCoding.acceptsGzip(null)).isFalse();
        assertThat(ContentCoding.acceptsGzip("identity")).isFalse();
        assertThat(ContentCoding.acceptsGzip("gzip")).isTrue();
        assertThat(ContentCoding.acceptsGzip("deflate, GZIP;q=0.8, br")).isTrue();
        assertThat(ContentCoding.acceptsGzip("x-gzip")).isTrue();
        assertThat(ContentCoding.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(ContentCoding.acceptsGzip("gzip;q=nonsense")).isFalse();
    }
}
