package io.edgefleet.edge.config;

import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.node.NodeFacts;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and reads the configuration: defaults in code, overridden by a Java properties file,
 * overridden by the environment ({@code EDGEFLEET_SERVER_URL} for {@code server-url}). The file is
 * {@code --config PATH}, else {@code $EDGEFLEET_CONFIG}, else {@code ./edge.properties} when it
 * exists; a file named explicitly must exist. Blank values count as not set, so a launcher may
 * export an empty variable without overriding the file.
 */
public final class ConfigLoader {
    /** Environment variable naming the properties file. */
    public static final String CONFIG_ENV = ConfigKey.ENV_PREFIX + "CONFIG";

    public static final String DEFAULT_FILE = "edge.properties";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private ConfigLoader() {}

    /** Loads with the process environment, the working directory and this host's name. */
    public static EdgeConfig load(Optional<Path> cliFile) {
        return load(cliFile, System.getenv(), Path.of("").toAbsolutePath(), NodeFacts::hostname);
    }

    public static EdgeConfig load(
            Optional<Path> cliFile, Map<String, String> env, Path workingDir, Supplier<String> hostname) {
        Map<ConfigKey, EdgeConfig.Value> values = new EnumMap<>(ConfigKey.class);
        Optional<Path> file = locate(cliFile, env, workingDir);
        file.ifPresent(path -> readFile(path, values));
        for (ConfigKey key : ConfigKey.values()) {
            String fromEnv = env.get(key.envName());
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(key, new EdgeConfig.Value(fromEnv, "environment " + key.envName()));
            }
        }
        return EdgeConfig.from(values, workingDir, hostname);
    }

    /** The properties file to read, if any. */
    public static Optional<Path> locate(Optional<Path> cliFile, Map<String, String> env, Path workingDir) {
        if (cliFile.isPresent()) {
            return Optional.of(mustExist(workingDir.resolve(cliFile.get()), "--config"));
        }
        String fromEnv = env.get(CONFIG_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(mustExist(workingDir.resolve(fromEnv.strip()), CONFIG_ENV));
        }
        Path fallback = workingDir.resolve(DEFAULT_FILE);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    private static Path mustExist(Path path, String namedBy) {
        if (!Files.isRegularFile(path)) {
            throw EdgeException.config(
                    "configuration file " + path + " (named by " + namedBy + ") does not exist",
                    "create it, or leave " + namedBy + " out to run with defaults and EDGEFLEET_* variables");
        }
        return path;
    }

    private static void readFile(Path path, Map<ConfigKey, EdgeConfig.Value> values) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw EdgeException.config(
                    "cannot read configuration file " + path + ": " + e.getMessage(),
                    "make it a readable Java properties file (key=value lines, UTF-8)",
                    e);
        }
        String source = "file " + path;
        for (String name : properties.stringPropertyNames()) {
            Optional<ConfigKey> key = ConfigKey.fromKey(name.strip());
            if (key.isPresent()) {
                values.put(key.get(), new EdgeConfig.Value(properties.getProperty(name), source));
            } else {
                // A typo must not pass silently, but a key meant for a newer daemon must not stop this one.
                LOG.warn("EF3010 unknown setting '{}' in {} ignored; known settings: {}", name, path, knownKeys());
            }
        }
    }

    private static String knownKeys() {
        StringBuilder keys = new StringBuilder();
        for (ConfigKey key : ConfigKey.values()) {
            if (!keys.isEmpty()) {
                keys.append(", ");
            }
            keys.append(key.key());
        }
        return keys.toString();
    }
}
