package io.edgefleet.edge.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds this daemon's workload processes by their {@code EDGEFLEET_INSTANCE} token (Linux: {@code
 * /proc/<pid>/environ}), so that a process spawned just before a crash, before its pid reached
 * the store, is found and adopted rather than started twice. A token is {@code <store id>/...}:
 * only processes of this store match. Children of a workload inherit its token; the scan keeps
 * the root of each tree (the process whose parent does not carry the same token).
 */
final class ProcessScan {
    private static final Path PROC = Path.of("/proc");

    private ProcessScan() {}

    /** Whether this system can be scanned (Linux with /proc). */
    static boolean available() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /** Token to root process of every live process carrying a token that starts with {@code prefix}. */
    static Map<String, ProcessHandle> byToken(String prefix) {
        Map<Long, String> tokens = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, ProcessScan::isPid)) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                token(entry, prefix).ifPresent(token -> tokens.put(pid, token));
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, ProcessHandle> roots = new HashMap<>();
        tokens.forEach((pid, token) -> ProcessHandle.of(pid).ifPresent(handle -> {
            long parent = handle.parent().map(ProcessHandle::pid).orElse(0L);
            if (!token.equals(tokens.get(parent)) && handle.isAlive() && !zombie(pid)) {
                roots.put(token, handle);
            }
        }));
        return roots;
    }

    private static boolean isPid(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static Optional<String> token(Path procEntry, String prefix) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(procEntry.resolve("environ"));
        } catch (IOException e) {
            return Optional.empty(); // gone, or another user's process: not ours either way
        }
        String marker = ProcessLauncher.INSTANCE_ENV + "=" + prefix;
        for (String variable : new String(environ, StandardCharsets.UTF_8).split("\0")) {
            if (variable.startsWith(marker)) {
                return Optional.of(variable.substring(ProcessLauncher.INSTANCE_ENV.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** A process that exited but was not reaped yet (its parent died with the daemon). */
    static boolean zombie(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
