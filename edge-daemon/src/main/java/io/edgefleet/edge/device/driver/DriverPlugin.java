package io.edgefleet.edge.device.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One driver plug-in as it lies on disk: a directory under {@code drivers/} with the driver's jar and
 * the libraries it needs, and a {@code driver.properties} naming the protocols it serves, so that the
 * daemon knows which plug-in to load for a device without opening any jar.
 *
 * @param name the directory's name, e.g. {@code opcua}
 * @param directory the plug-in's directory
 * @param protocols the protocols {@code driver.properties} declares, sorted
 * @param jars the jars of the directory, sorted by name
 */
public record DriverPlugin(String name, Path directory, Set<String> protocols, List<Path> jars) {
    /** The descriptor every plug-in directory holds. */
    public static final String DESCRIPTOR = "driver.properties";

    public DriverPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        protocols = Set.copyOf(new TreeSet<>(protocols));
        jars = List.copyOf(jars);
    }

    /**
     * Reads the plug-in in {@code directory}.
     *
     * @throws IOException if its descriptor or its jars cannot be read
     * @throws IllegalArgumentException if the descriptor names no protocol or the directory has no jar
     */
    public static DriverPlugin read(Path directory) throws IOException {
        Properties descriptor = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve(DESCRIPTOR))) {
            descriptor.load(in);
        }
        Set<String> protocols = new TreeSet<>();
        Arrays.stream(descriptor.getProperty("protocols", "").split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .forEach(protocols::add);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException(directory.resolve(DESCRIPTOR) + " declares no protocols");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalArgumentException(directory + " holds no jar");
        }
        return new DriverPlugin(directory.getFileName().toString(), directory, protocols, jars);
    }
}
