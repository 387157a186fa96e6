package io.edgefleet.edge.config;

import io.edgefleet.edge.EdgeException;
import io.edgefleet.protocol.Names;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The edge daemon's settings: defaults in code, then the properties file, then the environment
 * ({@link ConfigLoader}). Immutable; secrets are {@link Secret}s, so {@link #toString()} is safe
 * to log.
 *
 * @param serverUrl REST base of the server; needed only to enroll
 * @param enrollmentToken one-time token; needed only to enroll
 * @param nodeName this node's name (a DNS label)
 * @param dataDir directory of the store, absolute
 * @param mqttUrl broker URL that overrides the one enrollment returned
 * @param mqttTrustStore trust store for {@code ssl://} broker URLs; the JDK's CAs when empty
 * @param mqttTrustStorePassword password of {@code mqttTrustStore}
 * @param heartbeatSeconds heartbeat interval that overrides the server's
 * @param reconnectMin shortest wait before a reconnect attempt
 * @param reconnectMax longest wait before a reconnect attempt
 * @param ackTimeout resend unacknowledged outbox entries when no ack progress came for this long
 * @param maxInflight outbox entries sent and not yet acknowledged, at most
 * @param stopWorkloadsOnExit stop every workload when the daemon stops (default: leave them running)
 * @param telemetryMaxAge buffered telemetry readings older than this are dropped, oldest first
 * @param telemetryMaxRows telemetry readings buffered at most; the oldest are dropped first
 * @param localBusUrl MQTT broker on this PC for the local bus; no local bus when empty
 * @param localBusPrefix topic prefix of the local bus, ending with {@code /}
 * @param localBusUsername user name on the local bus broker
 * @param localBusPassword password on the local bus broker (only with a user name)
 * @param driversDir directory of the driver plug-ins overriding {@code drivers/} beside the jar
 * @param localApiPort port of the local API on 127.0.0.1; no local API when empty
 */
public record EdgeConfig(
        Optional<URI> serverUrl,
        Optional<Secret> enrollmentToken,
        String nodeName,
        Path dataDir,
        Optional<URI> mqttUrl,
        Optional<Path> mqttTrustStore,
        Optional<Secret> mqttTrustStorePassword,
        OptionalInt heartbeatSeconds,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration ackTimeout,
        int maxInflight,
        boolean stopWorkloadsOnExit,
        Duration telemetryMaxAge,
        long telemetryMaxRows,
        Optional<URI> localBusUrl,
        String localBusPrefix,
        Optional<String> localBusUsername,
        Optional<Secret> localBusPassword,
        Optional<Path> driversDir,
        OptionalInt localApiPort) {

    public static final String DEFAULT_DATA_DIR = "edge-data";
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(500);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(30);
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_INFLIGHT = 64;
    /** A day of readings survives an outage; more is rarely worth the disk of a small box. */
    public static final Duration DEFAULT_TELEMETRY_MAX_AGE = Duration.ofDays(1);
    /** About 15 MB of SQLite at ~150 bytes a reading. */
    public static final long DEFAULT_TELEMETRY_MAX_ROWS = 100_000;

    public static final String DEFAULT_LOCAL_BUS_PREFIX = "edgefleet/";

    public EdgeConfig {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(enrollmentToken, "enrollmentToken");
        Names.require("node-name", nodeName);
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(mqttUrl, "mqttUrl");
        Objects.requireNonNull(mqttTrustStore, "mqttTrustStore");
        Objects.requireNonNull(mqttTrustStorePassword, "mqttTrustStorePassword");
        Objects.requireNonNull(heartbeatSeconds, "heartbeatSeconds");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("need 0 < reconnectMin <= reconnectMax");
        }
        if (maxInflight < 1) {
            throw new IllegalArgumentException("maxInflight must be positive");
        }
        Objects.requireNonNull(telemetryMaxAge, "telemetryMaxAge");
        if (telemetryMaxAge.isNegative() || telemetryMaxAge.isZero() || telemetryMaxRows < 1) {
            throw new IllegalArgumentException("telemetry bounds must be positive");
        }
        Objects.requireNonNull(localBusUrl, "localBusUrl");
        Objects.requireNonNull(localBusPrefix, "localBusPrefix");
        Objects.requireNonNull(localBusUsername, "localBusUsername");
        Objects.requireNonNull(localBusPassword, "localBusPassword");
        if (!localBusPrefix.endsWith("/")) {
            throw new IllegalArgumentException("localBusPrefix must end with /");
        }
        Objects.requireNonNull(driversDir, "driversDir");
        Objects.requireNonNull(localApiPort, "localApiPort");
    }

    /** A configuration value and where it came from, for error messages. */
    public record Value(String text, String source) {
        public Value {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Parses and validates settings. Errors name the key and where the value came from; secret
     * values are never repeated.
     *
     * @param values the settings given, by key; missing keys take their defaults
     * @param workingDir against which a relative {@code data-dir} is resolved
     * @param hostname the host name, asked only when {@code node-name} is not set
     */
    public static EdgeConfig from(Map<ConfigKey, Value> values, Path workingDir, Supplier<String> hostname) {
        Parser p = new Parser(values);
        Optional<URI> serverUrl = p.url(ConfigKey.SERVER_URL, "http", "https");
        Optional<Secret> token = p.text(ConfigKey.ENROLLMENT_TOKEN).map(Secret::new);
        String node = p.text(ConfigKey.NODE_NAME)
                .map(name -> p.name(ConfigKey.NODE_NAME, name))
                .orElseGet(() -> nodeNameFromHost(hostname.get()));
        Path dataDir = workingDir
                .resolve(p.path(ConfigKey.DATA_DIR).orElse(Path.of(DEFAULT_DATA_DIR)))
                .toAbsolutePath()
                .normalize();
        Optional<URI> mqttUrl = p.url(ConfigKey.MQTT_URL, "tcp", "ssl");
        Optional<Path> trustStore = p.path(ConfigKey.MQTT_TRUST_STORE).map(workingDir::resolve);
        trustStore.ifPresent(store -> {
            if (!Files.isReadable(store)) {
                throw p.invalid(ConfigKey.MQTT_TRUST_STORE, "file " + store + " does not exist or cannot be read");
            }
        });
        Optional<Secret> trustStorePassword =
                p.text(ConfigKey.MQTT_TRUST_STORE_PASSWORD).map(Secret::new);
        OptionalInt heartbeat = p.integer(ConfigKey.HEARTBEAT_SECONDS, 1, 3600)
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
        Duration min = p.integer(ConfigKey.RECONNECT_MIN_MS, 10, 3_600_000)
                .map(Duration::ofMillis)
                .orElse(DEFAULT_RECONNECT_MIN);
        Duration max = p.integer(ConfigKey.RECONNECT_MAX_MS, 10, 3_600_000)
                .map(Duration::ofMillis)
                .orElse(DEFAULT_RECONNECT_MAX);
        if (max.compareTo(min) < 0) {
            throw p.invalid(
                    ConfigKey.RECONNECT_MAX_MS,
                    "must not be below " + ConfigKey.RECONNECT_MIN_MS.key() + " (" + min.toMillis() + ")");
        }
        Duration ackTimeout = p.integer(ConfigKey.ACK_TIMEOUT_SECONDS, 1, 3600)
                .map(Duration::ofSeconds)
                .orElse(DEFAULT_ACK_TIMEOUT);
        int maxInflight = p.integer(ConfigKey.MAX_INFLIGHT, 1, 10_000).orElse(DEFAULT_MAX_INFLIGHT);
        boolean stopWorkloadsOnExit = p.bool(ConfigKey.STOP_WORKLOADS_ON_EXIT).orElse(false);
        Duration telemetryMaxAge = p.integer(ConfigKey.TELEMETRY_MAX_AGE_SECONDS, 60, 31_536_000)
                .map(Duration::ofSeconds)
                .orElse(DEFAULT_TELEMETRY_MAX_AGE);
        long telemetryMaxRows = p.integer(ConfigKey.TELEMETRY_MAX_ROWS, 100, 10_000_000)
                .map(Integer::longValue)
                .orElse(DEFAULT_TELEMETRY_MAX_ROWS);
        Optional<URI> localBusUrl = p.url(ConfigKey.LOCAL_BUS_URL, "tcp");
        String localBusPrefix = p.text(ConfigKey.LOCAL_BUS_PREFIX)
                .map(prefix -> p.topicPrefix(ConfigKey.LOCAL_BUS_PREFIX, prefix))
                .orElse(DEFAULT_LOCAL_BUS_PREFIX);
        Optional<String> localBusUsername = p.text(ConfigKey.LOCAL_BUS_USERNAME);
        Optional<Secret> localBusPassword = p.text(ConfigKey.LOCAL_BUS_PASSWORD).map(Secret::new);
        if (localBusPassword.isPresent() && localBusUsername.isEmpty()) {
            throw p.invalid(
                    ConfigKey.LOCAL_BUS_PASSWORD,
                    "a password needs a user name: set " + ConfigKey.LOCAL_BUS_USERNAME.key());
        }
        Optional<Path> driversDir = p.path(ConfigKey.DRIVERS_DIR)
                .map(workingDir::resolve)
                .map(dir -> dir.toAbsolutePath().normalize());
        driversDir.ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw p.invalid(ConfigKey.DRIVERS_DIR, "directory " + dir + " does not exist");
            }
        });
        OptionalInt localApiPort = p.integer(ConfigKey.LOCAL_API_PORT, 1, 65_535)
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
        return new EdgeConfig(
                serverUrl,
                token,
                node,
                dataDir,
                mqttUrl,
                trustStore,
                trustStorePassword,
                heartbeat,
                min,
                max,
                ackTimeout,
                maxInflight,
                stopWorkloadsOnExit,
                telemetryMaxAge,
                telemetryMaxRows,
                localBusUrl,
                localBusPrefix,
                localBusUsername,
                localBusPassword,
                driversDir,
                localApiPort);
    }

    /**
     * A valid node name made from a host name: the first label, lower-cased, every other character
     * turned into '-', trimmed to 63 characters; {@code edge} when nothing usable is left.
     */
    public static String nodeNameFromHost(String hostname) {
        String label = hostname == null ? "" : hostname.strip();
        int dot = label.indexOf('.');
        if (dot >= 0) {
            label = label.substring(0, dot);
        }
        String name = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        if (name.length() > 63) {
            name = name.substring(0, 63);
        }
        name = name.replaceAll("^-+", "").replaceAll("-+$", "");
        return Names.isValid(name) ? name : "edge";
    }

    /** Parses values of one key at a time and builds error messages that name the key. */
    private record Parser(Map<ConfigKey, Value> values) {

        Optional<String> text(ConfigKey key) {
            return Optional.ofNullable(values.get(key))
                    .map(Value::text)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty());
        }

        String name(ConfigKey key, String name) {
            if (!Names.isValid(name)) {
                throw invalid(
                        key,
                        "'" + name + "' is not a valid name: use 1-63 lower-case letters, digits or '-',"
                                + " starting and ending with a letter or digit");
            }
            return name;
        }

        Optional<URI> url(ConfigKey key, String... schemes) {
            return text(key).map(text -> {
                URI uri;
                try {
                    uri = new URI(text);
                } catch (URISyntaxException e) {
                    throw invalid(key, "'" + text + "' is not a URL: " + e.getReason(), e);
                }
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!List.of(schemes).contains(scheme) || uri.getHost() == null) {
                    throw invalid(
                            key,
                            "'" + text + "' must be a URL with a host and one of the schemes "
                                    + String.join(", ", schemes));
                }
                return uri;
            });
        }

        /**
         * An MQTT topic prefix workloads subscribe under: no wildcards (they would make every topic a
         * filter), not {@code $...} (the broker's own topics), always ending with one {@code /}.
         */
        String topicPrefix(ConfigKey key, String prefix) {
            if (prefix.contains("+") || prefix.contains("#") || prefix.startsWith("$") || prefix.indexOf(0) >= 0) {
                throw invalid(key, "'" + prefix + "' is not a topic prefix: no '+', '#' or NUL, and no leading '$'");
            }
            String normal = prefix.endsWith("/") ? prefix : prefix + "/";
            if (normal.startsWith("/") || normal.contains("//")) {
                throw invalid(key, "'" + prefix + "' has an empty topic level; use e.g. edgefleet/ or plant-7/edge/");
            }
            return normal;
        }

        Optional<Path> path(ConfigKey key) {
            return text(key).map(text -> {
                try {
                    return Path.of(text);
                } catch (InvalidPathException e) {
                    throw invalid(key, "'" + text + "' is not a valid path: " + e.getReason(), e);
                }
            });
        }

        Optional<Boolean> bool(ConfigKey key) {
            return text(key).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw invalid(key, "'" + text + "' is not true or false");
            });
        }

        Optional<Integer> integer(ConfigKey key, int min, int max) {
            return text(key).map(text -> {
                int value;
                try {
                    value = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw invalid(key, "'" + text + "' is not a whole number", e);
                }
                if (value < min || value > max) {
                    throw invalid(key, value + " is out of range: use " + min + " to " + max);
                }
                return value;
            });
        }

        EdgeException invalid(ConfigKey key, String problem) {
            return invalid(key, problem, null);
        }

        EdgeException invalid(ConfigKey key, String problem, Throwable cause) {
            String source =
                    Optional.ofNullable(values.get(key)).map(Value::source).orElse("defaults");
            return EdgeException.config(
                    "invalid setting '" + key.key() + "' (" + source + "): " + problem,
                    "fix '" + key.key() + "' in the properties file or the environment variable " + key.envName(),
                    cause);
        }
    }
}
