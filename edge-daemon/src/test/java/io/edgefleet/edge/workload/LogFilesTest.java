package io.edgefleet.edge.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
    @TempDir
    Path dir;

    @Test
    void rotationCopiesTruncatesAndKeepsAFewFiles() throws IOException {
        Path log = dir.resolve("stdout.log");
        for (int round = 1; round <= 4; round++) {
            Files.writeString(
                    log, ("round " + round + "\n").repeat(20), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertThat(LogFiles.rotateIfLarger(log, 100, 2)).isTrue();
            assertThat(Files.size(log)).isZero();
        }
        assertThat(Files.readString(LogFiles.numbered(log, 1))).startsWith("round 4");
        assertThat(Files.readString(LogFiles.numbered(log, 2))).startsWith("round 3");
        assertThat(LogFiles.numbered(log, 3)).doesNotExist();
    }

    @Test
    void smallLogsAreLeftAlone() throws IOException {
        Path log = dir.resolve("stderr.log");
        Files.writeString(log, "short\n");
        assertThat(LogFiles.rotateIfLarger(log, 100, 2)).isFalse();
        assertThat(Files.readString(log)).isEqualTo("short\n");
    }

    @Test
    void appendingWriterFollowsTheTruncation() throws IOException {
        Path log = dir.resolve("stdout.log");
        try (var out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write("x".repeat(200).getBytes());
            out.flush();
            LogFiles.rotateIfLarger(log, 100, 1);
            out.write("after\n".getBytes());
        }
        assertThat(Files.readString(log)).isEqualTo("after\n");
    }

    @Test
    void tailReturnsTheLastLines() throws IOException {
        Path log = dir.resolve("stdout.log");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);
        assertThat(LogFiles.tail(log, 3)).containsExactly("line 4998", "line 4999", "line 5000");
        assertThat(LogFiles.tail(log, 10_000)).hasSize(5000);
        assertThat(LogFiles.tail(dir.resolve("missing.log"), 3)).isEmpty();
    }

    @Test
    void aBoundedTailLeavesOutTheLineTheBudgetCutsAndSaysSo() throws IOException {
        Path log = dir.resolve("stdout.log");
        Files.writeString(log, "first line\nsecond line\nthird\n");

        LogFiles.Tail whole = LogFiles.tail(log, 10, 1000);
        LogFiles.Tail cut = LogFiles.tail(log, 10, 15); // "line\nthird\n" is the last 11 bytes + 4 of "second"
        LogFiles.Tail exact = LogFiles.tail(log, 10, 18); // starts right after "first line\n"

        assertThat(whole.lines()).containsExactly("first line", "second line", "third");
        assertThat(whole.truncated()).isFalse();
        assertThat(cut.lines()).containsExactly("third");
        assertThat(cut.truncated()).isTrue();
        assertThat(exact.lines()).containsExactly("second line", "third");
        assertThat(exact.truncated()).isTrue();
    }
}
