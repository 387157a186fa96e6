package io.edgefleet.edge.workload;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code edgefleet-edge logs WORKLOAD [--lines N] [--stderr]}: the last lines of a workload's
 * stdout (or stderr) log, read straight from its file, with or without a running daemon.
 */
public final class LogsCommand {
    private LogsCommand() {}

    public static int run(Path dataDir, String workload, int lines, boolean stderr, PrintStream out, PrintStream err) {
        LogFiles files = LogFiles.of(dataDir, workload);
        if (!Files.isDirectory(files.dir())) {
            err.println("edgefleet-edge: no workload '" + workload + "' has run on this node (no " + files.dir()
                    + "); 'edgefleet-edge workloads' lists them");
            return 1;
        }
        Path log = stderr ? files.stderr() : files.stdout();
        for (String line : LogFiles.tail(log, lines)) {
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
