package io.edgefleet.systemtest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** {@code ./fleet bench [NAME]}: runs the named benchmark, or all of them. Arguments: repository root, then names. */
public final class BenchMain {
    private static final Map<String, BiConsumer<Path, Path>> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put("foundation", FoundationBench::run);
        BENCHMARKS.put("workloads", WorkloadsBench::run);
        BENCHMARKS.put("devices", DevicesBench::run);
    }

    private BenchMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: BenchMain ROOT [NAME...]; benchmarks: " + BENCHMARKS.keySet());
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath();
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : List.copyOf(BENCHMARKS.keySet());
        for (String name : names) {
            if (!BENCHMARKS.containsKey(name)) {
                System.err.println("unknown benchmark '" + name + "'; known: " + BENCHMARKS.keySet());
                System.exit(2);
            }
        }
        for (String name : names) {
            Path work = Files.createTempDirectory("edgefleet-bench-" + name);
            System.err.println("== benchmark " + name + " (work dir " + work + ")");
            BENCHMARKS.get(name).accept(root, work);
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
