package io.edgefleet.edge.workload;

import io.edgefleet.edge.link.CommandHandler;
import io.edgefleet.edge.link.CommandOutcome;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.LogStream;
import io.edgefleet.protocol.LogsRequest;
import io.edgefleet.protocol.LogsResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers the {@code logs} command: the last lines of a workload's log, read from its file as the
 * {@code logs} command line does, so the server can show them (logs never leave the PC otherwise). The
 * answer stays under {@link LogsResult#MAX_BYTES} of text, counting what JSON escaping adds, so that it
 * fits one message; long lines are cut to {@link LogsResult#MAX_LINE_CHARS} characters.
 */
public final class RemoteLogs implements CommandHandler {
    private final Path dataDir;

    public RemoteLogs(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public CommandOutcome handle(Envelope command) {
        LogsRequest request = (LogsRequest) command.body();
        LogFiles files = LogFiles.of(dataDir, request.workload());
        if (!Files.isDirectory(files.dir())) {
            return new CommandOutcome.Reply(
                    404,
                    new LogsResult(
                            request.workload(),
                            request.stream(),
                            List.of(),
                            false,
                            "no workload '" + request.workload() + "' has run on this node"));
        }
        Path log = request.stream() == LogStream.STDERR ? files.stderr() : files.stdout();
        LogFiles.Tail tail = LogFiles.tail(log, request.lines(), LogsResult.MAX_BYTES);
        List<String> lines = new ArrayList<>(tail.lines().size());
        long budget = LogsResult.MAX_BYTES;
        boolean truncated = tail.truncated();
        // Newest lines matter most: fill the budget from the end, then put them back in order.
        for (int i = tail.lines().size() - 1; i >= 0; i--) {
            String line = cut(tail.lines().get(i));
            long cost = jsonCost(line);
            if (cost > budget) {
                truncated = true;
                break;
            }
            budget -= cost;
            lines.add(line);
        }
        java.util.Collections.reverse(lines);
        return new CommandOutcome.Reply(
                200,
                new LogsResult(
                        request.workload(),
                        request.stream(),
                        lines,
                        truncated,
                        lines.size() + " line(s) of " + request.stream().wireName()
                                + (truncated ? ", older ones left out to fit" : "")));
    }

    private static String cut(String line) {
        return line.length() <= LogsResult.MAX_LINE_CHARS ? line : line.substring(0, LogsResult.MAX_LINE_CHARS);
    }

    /** Bytes the line takes in the JSON answer: UTF-8, quotes and comma, escapes at their longest. */
    static long jsonCost(String line) {
        long cost = 3;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                cost += 6;
            } else if (c < 0x80) {
                cost += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                cost += 2; // a surrogate pair is 4 bytes, counted 2 per half
            } else {
                cost += 3;
            }
        }
        return cost;
    }
}
