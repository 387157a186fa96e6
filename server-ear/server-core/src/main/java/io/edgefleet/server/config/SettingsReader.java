package io.edgefleet.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed settings from a key lookup (MicroProfile Config in the server, a map in tests). Keys are
 * lower-case and dotted ({@code fleet.lease.seconds}); MicroProfile Config maps them to environment
 * variables ({@code FLEET_LEASE_SECONDS}). A value that does not parse or lies outside its range stops
 * the server at start with a message naming both forms of the key, rather than running with a
 * surprising value.
 */
public final class SettingsReader {
    private final Function<String, Optional<String>> lookup;

    private SettingsReader(Function<String, Optional<String>> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    public static SettingsReader of(Function<String, Optional<String>> lookup) {
        return new SettingsReader(lookup);
    }

    /** The environment variable that sets {@code key}. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The value, empty when unset or blank. */
    public Optional<String> string(String key) {
        return lookup.apply(key).map(String::strip).filter(s -> !s.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    public long number(String key, long defaultValue, long min, long max) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            IllegalArgumentException invalid =
                    invalid(key, "must be a whole number, got '" + abbreviate(text.get()) + "'");
            invalid.initCause(e);
            throw invalid;
        }
        if (value < min || value > max) {
            throw invalid(key, "must lie between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return (int) number(key, defaultValue, min, max);
    }

    public Duration seconds(String key, long defaultSeconds, long min, long max) {
        return Duration.ofSeconds(number(key, defaultSeconds, min, max));
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> text = string(key).map(s -> s.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw invalid(key, "must be true or false, got '" + abbreviate(text.get()) + "'");
        };
    }

    public Path path(String key, Path defaultValue) {
        return string(key).map(Path::of).orElse(defaultValue).toAbsolutePath().normalize();
    }

    private static IllegalArgumentException invalid(String key, String reason) {
        return new IllegalArgumentException("EF1008 setting " + key + " (environment " + envName(key) + ") " + reason);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
