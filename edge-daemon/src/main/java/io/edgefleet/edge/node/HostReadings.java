package io.edgefleet.edge.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the node's conditions are judged by, read from cheap sources: the file system of the data
 * directory (where the store, the outbox and the workloads' logs grow) and {@code /proc/meminfo}. A
 * value that cannot be read is empty, and its condition is {@code Unknown}.
 *
 * @param diskUsableBytes space the daemon's user may still write on the data directory's file system
 * @param diskTotalBytes that file system's size
 * @param memAvailableKb memory available for new work without swapping (Linux {@code MemAvailable})
 * @param memTotalKb physical memory
 */
public record HostReadings(
        OptionalLong diskUsableBytes,
        OptionalLong diskTotalBytes,
        OptionalLong memAvailableKb,
        OptionalLong memTotalKb) {

    /** Reads the machine now. */
    public static HostReadings read(Path dataDir) {
        OptionalLong usable = OptionalLong.empty();
        OptionalLong total = OptionalLong.empty();
        try {
            FileStore store = Files.getFileStore(dataDir);
            usable = OptionalLong.of(store.getUsableSpace());
            total = OptionalLong.of(store.getTotalSpace());
        } catch (IOException | SecurityException e) {
            // Unknown: the condition says so.
        }
        OptionalLong available = OptionalLong.empty();
        OptionalLong memTotal = OptionalLong.empty();
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            try {
                List<String> lines = Files.readAllLines(meminfo, StandardCharsets.US_ASCII);
                available = kilobytes(lines, "MemAvailable:");
                memTotal = kilobytes(lines, "MemTotal:");
            } catch (IOException | SecurityException e) {
                // Unknown, as on a machine without /proc.
            }
        }
        return new HostReadings(usable, total, available, memTotal);
    }

    private static OptionalLong kilobytes(List<String> lines, String key) {
        return lines.stream()
                .filter(line -> line.startsWith(key))
                .findFirst()
                .map(line -> line.replaceAll("\\D", ""))
                .filter(digits -> !digits.isEmpty() && digits.length() < 19)
                .map(digits -> OptionalLong.of(Long.parseLong(digits)))
                .orElse(OptionalLong.empty());
    }
}
