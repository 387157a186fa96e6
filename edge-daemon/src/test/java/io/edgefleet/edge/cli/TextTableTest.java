package io.edgefleet.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void longValuesWidenTheirColumnAndKeepTheOthersInLine() {
        String text = new TextTable("PROPERTY", "REPORTED", "QUALITY")
                .row("temperature", 44.106465294270485, "good")
                .row("pump", false, "stale")
                .render();
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(3);
        int quality = lines.get(0).indexOf("QUALITY");
        assertThat(lines.get(1).indexOf("good")).isEqualTo(quality);
        assertThat(lines.get(2).indexOf("stale")).isEqualTo(quality);
        assertThat(lines.get(1)).startsWith("temperature  44.106465294270485");
        assertThat(lines.get(2)).doesNotEndWith(" ");
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> new TextTable("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 2 cells");
    }
}
