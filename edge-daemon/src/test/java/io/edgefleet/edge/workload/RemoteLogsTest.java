package io.edgefleet.edge.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.link.CommandOutcome;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.LogStream;
import io.edgefleet.protocol.LogsRequest;
import io.edgefleet.protocol.LogsResult;
import io.edgefleet.protocol.ProtocolCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteLogsTest {
    @TempDir
    Path dataDir;

    private CommandOutcome.Reply ask(String workload, LogStream stream, int lines) {
        return (CommandOutcome.Reply) new RemoteLogs(dataDir)
                .handle(Envelope.of("edge-1", Instant.now(), new LogsRequest(workload, stream, lines)));
    }

    private Path log(String workload, String file) throws IOException {
        return Files.createDirectories(LogFiles.of(dataDir, workload).dir()).resolve(file);
    }

    @Test
    void theLastLinesOfTheAskedStream() throws IOException {
        Files.writeString(log("pump", "stdout.log"), "a\nb\nc\n");
        Files.writeString(log("pump", "stderr.log"), "oops\n");

        CommandOutcome.Reply out = ask("pump", LogStream.STDOUT, 2);
        CommandOutcome.Reply err = ask("pump", LogStream.STDERR, 100);

        assertThat(out.status()).isEqualTo(200);
        assertThat(((LogsResult) out.body()).lines()).containsExactly("b", "c");
        assertThat(((LogsResult) out.body()).truncated()).isFalse();
        assertThat(((LogsResult) err.body()).lines()).containsExactly("oops");
    }

    @Test
    void aWorkloadThatNeverRanIsNotFound() {
        CommandOutcome.Reply reply = ask("ghost", LogStream.STDOUT, 10);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(((LogsResult) reply.body()).message()).contains("no workload 'ghost'");
    }

    @Test
    void aHugeLogIsCutToOneMessageNewestLinesKept() throws IOException {
        // 5,000 lines of 1,000 quotes: each costs 6 bytes a character in JSON.
        String line = "\"".repeat(1000);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(line).append('\n');
        }
        Files.writeString(log("chatty", "stdout.log"), text);

        CommandOutcome.Reply reply = ask("chatty", LogStream.STDOUT, LogsRequest.MAX_LINES);
        LogsResult result = (LogsResult) reply.body();

        assertThat(result.truncated()).isTrue();
        assertThat(result.lines().getLast()).startsWith("4999");
        byte[] encoded = new ProtocolCodec().encode(Envelope.of("edge-1", Instant.now(), result));
        assertThat(encoded.length).isLessThanOrEqualTo(ProtocolCodec.DEFAULT_MAX_MESSAGE_BYTES);
    }

    @Test
    void aLineWithoutEndIsCutToTheLineLimit() throws IOException {
        Files.writeString(log("blob", "stdout.log"), "x".repeat(50_000));

        LogsResult result = (LogsResult) ask("blob", LogStream.STDOUT, 10).body();

        assertThat(result.lines()).singleElement().satisfies(l -> assertThat(l).hasSize(LogsResult.MAX_LINE_CHARS));
    }
}
