package io.edgefleet.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelPatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CURRENT = Map.of("site", "hamburg", "line", "3");

    private static LabelPatch parse(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return LabelPatch.parse(node);
    }

    @Test
    void stringSetsAndNullRemovesALabel() throws Exception {
        Map<String, String> result = parse(
                        "{\"metadata\":{\"labels\":{\"line\":null,\"area\":\"press\",\"site\":\"berlin\"}}}")
                .applyTo(CURRENT);

        assertThat(result).containsExactlyInAnyOrderEntriesOf(Map.of("site", "berlin", "area", "press"));
    }

    @Test
    void nullLabelsRemovesThemAllAndLaterEntriesStillApply() throws Exception {
        assertThat(parse("{\"metadata\":{\"labels\":null}}").applyTo(CURRENT)).isEmpty();
    }

    @Test
    void emptyPatchChangesNothing() throws Exception {
        assertThat(parse("{}").applyTo(CURRENT)).isEqualTo(CURRENT);
        assertThat(parse("{\"metadata\":{}}").applyTo(CURRENT)).isEqualTo(CURRENT);
    }

    @Test
    void anythingButMetadataLabelsIsNotPatchable() {
        assertCode("{\"status\":{\"phase\":\"Online\"}}", ProblemCode.FIELD_NOT_PATCHABLE);
        assertCode("{\"spec\":{}}", ProblemCode.FIELD_NOT_PATCHABLE);
        assertCode("{\"metadata\":{\"name\":\"x\"}}", ProblemCode.FIELD_NOT_PATCHABLE);
        assertCode("{\"metadata\":null}", ProblemCode.FIELD_NOT_PATCHABLE);
        assertCode("[]", ProblemCode.FIELD_NOT_PATCHABLE);
    }

    @Test
    void labelValuesMustBeStrings() {
        assertCode("{\"metadata\":{\"labels\":{\"a\":1}}}", ProblemCode.INVALID_TYPE);
        assertCode("{\"metadata\":{\"labels\":[\"a\"]}}", ProblemCode.INVALID_TYPE);
    }

    @Test
    void resultingLabelsAreValidated() {
        assertThatThrownBy(() ->
                        parse("{\"metadata\":{\"labels\":{\"bad key\":\"x\"}}}").applyTo(CURRENT))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.INVALID_LABEL));
        assertThatThrownBy(() ->
                        parse("{\"metadata\":{\"labels\":{\"ok\":\"not ok\"}}}").applyTo(CURRENT))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.INVALID_LABEL));
    }

    private static void assertCode(String json, ProblemCode code) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.problem())
                .isEqualTo(code));
    }
}
