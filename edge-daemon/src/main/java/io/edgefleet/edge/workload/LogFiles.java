package io.edgefleet.edge.workload;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a workload lives on disk ({@code data-dir/workloads/<name>/}: {@code work/}, {@code
 * stdout.log}, {@code stderr.log}) and how its logs rotate. The process appends to the log files
 * itself (opened with {@code O_APPEND}), so its output survives a daemon crash; rotation is
 * copy-truncate: {@code stdout.log} is copied to {@code stdout.log.1} (older copies shift up, the
 * oldest beyond {@code keep} is deleted) and then truncated to zero, which the appending process
 * follows without reopening anything.
 */
public record LogFiles(Path dir) {
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_KEEP = 3;

    /** The directory of {@code workload} under {@code dataDir}. */
    public static LogFiles of(Path dataDir, String workload) {
        return new LogFiles(dataDir.resolve("workloads").resolve(workload));
    }

    public Path workDir() {
        return dir.resolve("work");
    }

    public Path stdout() {
        return dir.resolve("stdout.log");
    }

    public Path stderr() {
        return dir.resolve("stderr.log");
    }

    /** Creates the directories. */
    void prepare() {
        try {
            Files.createDirectories(workDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir(), e);
        }
    }

    /** Rotates both logs that grew beyond {@code maxBytes}; returns how many were rotated. */
    int rotate(long maxBytes, int keep) {
        int rotated = 0;
        for (Path log : List.of(stdout(), stderr())) {
            if (rotateIfLarger(log, maxBytes, keep)) {
                rotated++;
            }
        }
        return rotated;
    }

    static boolean rotateIfLarger(Path log, long maxBytes, int keep) {
        try {
            if (!Files.isRegularFile(log) || Files.size(log) <= maxBytes) {
                return false;
            }
            Files.deleteIfExists(numbered(log, keep));
            for (int i = keep - 1; i >= 1; i--) {
                Path older = numbered(log, i);
                if (Files.exists(older)) {
                    Files.move(older, numbered(log, i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (keep >= 1) {
                Files.copy(log, numbered(log, 1), StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate " + log, e);
        }
    }

    static Path numbered(Path log, int n) {
        return log.resolveSibling(log.getFileName() + "." + n);
    }

    /**
     * The last {@code lines} lines of {@code log} (reading backwards from the end, so a large log
     * costs no more than its tail); empty when the file does not exist.
     */
    public static List<String> tail(Path log, int lines) {
        return tail(log, lines, Long.MAX_VALUE).lines();
    }

    /**
     * The end of a log: its last lines, oldest first, and whether older lines were left out to stay
     * within a byte budget.
     */
    public record Tail(List<String> lines, boolean truncated) {
        public Tail {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The last {@code lines} lines of {@code log}, reading no more than {@code maxBytes} from its end: a
     * line cut by that budget is left out and the tail is marked truncated. Empty when the file does
     * not exist.
     */
    public static Tail tail(Path log, int lines, long maxBytes) {
        if (!Files.isRegularFile(log) || lines <= 0 || maxBytes <= 0) {
            return new Tail(List.of(), false);
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long end = file.length();
            long floor = Math.max(0, end - maxBytes);
            long start = floor;
            long pos = end;
            int newlines = 0;
            boolean found = false;
            byte[] buffer = new byte[8192];
            search:
            while (pos > floor) {
                int chunk = (int) Math.min(buffer.length, pos - floor);
                pos -= chunk;
                file.seek(pos);
                file.readFully(buffer, 0, chunk);
                for (int i = chunk - 1; i >= 0; i--) {
                    // A newline that ends the file does not start another line.
                    if (buffer[i] == '\n' && pos + i != end - 1) {
                        newlines++;
                        if (newlines == lines) {
                            start = pos + i + 1;
                            found = true;
                            break search;
                        }
                    }
                }
            }
            boolean cut = !found && floor > 0;
            if (cut) {
                start = startOfNextLine(file, floor, end);
            }
            byte[] bytes = new byte[(int) (end - start)];
            file.seek(start);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> result = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!result.isEmpty() && result.getLast().isEmpty()) {
                result.removeLast();
            }
            return new Tail(result, cut);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** Where the first whole line at or after {@code from} begins ({@code end} when none does). */
    private static long startOfNextLine(RandomAccessFile file, long from, long end) throws IOException {
        file.seek(from - 1);
        if (file.read() == '\n') {
            return from;
        }
        for (long p = from; p < end; p++) {
            if (file.read() == '\n') {
                return p + 1;
            }
        }
        return end;
    }
}
