package io.edgefleet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.protocol.LabelSelector.Operator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorTest {
    private static final Map<String, String> PRESS_LINE_2 =
            Map.of("site", "hamburg", "line", "2", "edgefleet.io/role", "press");

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "'';true",
                "site=hamburg;true",
                "site==hamburg;true",
                "site=berlin;false",
                "site!=berlin;true",
                "site!=hamburg;false",
                "missing!=x;true",
                "line in (1,2);true",
                "line in (3, 4);false",
                "line notin (3,4);true",
                "line notin (2);false",
                "site;true",
                "gpu;false",
                "!gpu;true",
                "!site;false",
                "site=hamburg,line in (2,3),!gpu;true",
                "site=hamburg, line=3;false",
                "edgefleet.io/role=press;true",
            })
    void selectsLikeKubernetes(String selector, boolean expected) {
        assertThat(LabelSelector.parse(selector).matches(PRESS_LINE_2)).isEqualTo(expected);
    }

    @Test
    void parsesIntoRequirements() {
        var selector = LabelSelector.parse("site=hamburg,line notin (1,2)");

        assertThat(selector.requirements())
                .extracting(LabelSelector.Requirement::operator)
                .containsExactly(Operator.EQUALS, Operator.NOT_IN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=x",
                "site=a=b",
                "site=ham burg",
                "line in 1,2",
                "line in (1",
                "line)",
                "site=a,,b",
                "a b c",
                "!"
            })
    void badSelectorsAreRefusedWithACode(String selector) {
        assertThatThrownBy(() -> LabelSelector.parse(selector))
                .isInstanceOfSatisfying(
                        ProtocolException.class, e -> assertThat(e.code()).isEqualTo("invalid-selector"));
    }

    @Test
    void labelsAreValidated() {
        assertThat(Labels.isValidKey("edgefleet.io/site")).isTrue();
        assertThat(Labels.isValidKey("-bad")).isFalse();
        assertThat(Labels.isValidValue("")).isTrue();
        assertThat(Labels.isValidValue("x".repeat(64))).isFalse();
        assertThatThrownBy(() -> Labels.requireValid(Map.of("ok", "not ok")))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not ok");
    }

    @Test
    void namesKeepWildcardsOutOfTopics() {
        assertThat(Names.isValid("edge-01")).isTrue();
        assertThat(Names.isValid("edge+")).isFalse();
        assertThat(Names.isValid("a/b")).isFalse();
        assertThat(Names.isValid("x".repeat(64))).isFalse();
        assertThat(Names.isValid("")).isFalse();
    }
}
