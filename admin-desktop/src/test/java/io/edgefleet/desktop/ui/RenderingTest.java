package io.edgefleet.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenderingTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(Rendering.REGION_CACHING);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Rendering.REGION_CACHING);
        } else {
            System.setProperty(Rendering.REGION_CACHING, before);
        }
    }

    @Test
    void regionBackgroundsAreDrawnDirectlyUnlessTheCommandLineSaysOtherwise() {
        System.clearProperty(Rendering.REGION_CACHING);
        Rendering.beforeToolkitStarts();
        assertThat(System.getProperty(Rendering.REGION_CACHING)).isEqualTo("true");

        System.setProperty(Rendering.REGION_CACHING, "false");
        Rendering.beforeToolkitStarts();
        assertThat(System.getProperty(Rendering.REGION_CACHING)).isEqualTo("false");
    }
}
