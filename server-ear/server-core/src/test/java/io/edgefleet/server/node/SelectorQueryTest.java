package io.edgefleet.server.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.LabelSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorQueryTest {

    @Test
    void emptySelectorSelectsAll() {
        SelectorQuery query = SelectorQuery.of(LabelSelector.parse(""));

        assertThat(query.condition()).isEqualTo("1 = 1");
        assertThat(query.parameters()).isEmpty();
    }

    @Test
    void equalityBecomesAnExistsSubqueryWithBoundParameters() {
        SelectorQuery query = SelectorQuery.of(LabelSelector.parse("site=hamburg"));

        assertThat(query.condition())
                .isEqualTo("EXISTS (SELECT l0.id FROM NodeLabelEntity l0 WHERE l0.node = n AND l0.key = :k0"
                        + " AND l0.value IN :v0)");
        assertThat(query.parameters()).isEqualTo(Map.of("k0", "site", "v0", List.of("hamburg")));
    }

    @Test
    void negationsBecomeNotExists() {
        assertThat(SelectorQuery.of(LabelSelector.parse("site!=hamburg")).condition())
                .startsWith("NOT EXISTS (")
                .contains("l0.value IN :v0");
        assertThat(SelectorQuery.of(LabelSelector.parse("line notin (1,2)")).condition())
                .startsWith("NOT EXISTS (");
        assertThat(SelectorQuery.of(LabelSelector.parse("!gpu")).condition())
                .isEqualTo("NOT EXISTS (SELECT l0.id FROM NodeLabelEntity l0 WHERE l0.node = n AND l0.key = :k0)");
    }

    @Test
    void existenceTestsOnlyTheKey() {
        SelectorQuery query = SelectorQuery.of(LabelSelector.parse("gpu"));

        assertThat(query.condition()).doesNotContain("value");
        assertThat(query.parameters()).isEqualTo(Map.of("k0", "gpu"));
    }

    @Test
    void requirementsAreJoinedWithAndEachWithItsOwnAlias() {
        SelectorQuery query = SelectorQuery.of(LabelSelector.parse("site=hamburg,line in (2,1),!gpu"));

        assertThat(query.condition())
                .contains(" AND ")
                .contains("l0.")
                .contains("l1.")
                .contains("l2.");
        assertThat(query.parameters())
                .containsEntry("k1", "line")
                .containsEntry("v1", List.of("1", "2"))
                .containsEntry("k2", "gpu");
    }

    @Test
    void valuesNeverAppearInTheQueryText() {
        SelectorQuery query = SelectorQuery.of(LabelSelector.parse("site=hamburg"));

        assertThat(query.condition()).doesNotContain("hamburg");
    }
}
