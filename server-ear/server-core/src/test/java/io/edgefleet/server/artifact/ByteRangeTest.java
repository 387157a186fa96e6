package io.edgefleet.server.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void openEndedRangeResumesFromTheOffset() {
        assertThat(ByteRange.parse(Optional.of("bytes=100-"), 1000))
                .isEqualTo(new ByteRange.Part(new ByteRange(100, 999)));
        assertThat(new ByteRange(100, 999).contentRange(1000)).isEqualTo("bytes 100-999/1000");
        assertThat(new ByteRange(100, 999).length()).isEqualTo(900);
    }

    @Test
    void closedRangeIsCutAtTheEnd() {
        assertThat(ByteRange.parse(Optional.of("bytes=10-19"), 1000))
                .isEqualTo(new ByteRange.Part(new ByteRange(10, 19)));
        assertThat(ByteRange.parse(Optional.of("bytes=990-5000"), 1000))
                .isEqualTo(new ByteRange.Part(new ByteRange(990, 999)));
    }

    @Test
    void suffixRangeAsksForTheLastBytes() {
        assertThat(ByteRange.parse(Optional.of("bytes=-10"), 1000))
                .isEqualTo(new ByteRange.Part(new ByteRange(990, 999)));
        assertThat(ByteRange.parse(Optional.of("bytes=-5000"), 1000))
                .isEqualTo(new ByteRange.Part(new ByteRange(0, 999)));
    }

    @Test
    void rangeFromTheEndOnIsUnsatisfiable() {
        assertThat(ByteRange.parse(Optional.of("bytes=1000-"), 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse(Optional.of("bytes=0-"), 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void noMultipleOrForeignRangesMeanTheWholeContent() {
        assertThat(ByteRange.parse(Optional.empty(), 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse(Optional.of("bytes=0-1,5-6"), 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse(Optional.of("items=0-1"), 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse(Optional.of("bytes=20-10"), 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse(Optional.of("bytes=-"), 1000)).isInstanceOf(ByteRange.Whole.class);
    }
}
