package io.edgefleet.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Collects the problems of a device's configuration, so that {@link DeviceDriver#validate} lists
 * every one of them instead of stopping at the first. Each getter reads one key, records a problem
 * if the text is not acceptable and returns the default, so a driver parses its whole configuration
 * in one pass and then asks {@link #result()}:
 *
 * <pre>{@code
 * ConfigCheck check = ConfigCheck.forConnection(connection, "modbus-tcp");
 * ConfigCheck.Section config = check.config();
 * String host = config.requiredText("host").orElse("");
 * long port = config.integer("port", 502, 1, 65535);
 * config.allowOnly(Set.of("host", "port"));
 * return check.result();
 * }</pre>
 *
 * <p>Problems read {@code <where>.<key>: <what is wrong>}. They echo the offending text so that a
 * person sees the typo, except for secret-looking keys ({@code password}, {@code token}, …), whose
 * values are never repeated. Not thread-safe: one check per validation.
 */
public final class ConfigCheck {
    private static final Pattern DEVICE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private final DeviceConnection connection;
    private final List<String> problems = new ArrayList<>();

    private ConfigCheck(DeviceConnection connection) {
        this.connection = connection;
    }

    /**
     * Starts a check of {@code connection} for the driver of {@code protocol}, with the checks every
     * driver shares already made: the protocol matches, the device name is a DNS label, property
     * names are valid and unique ({@code [A-Za-z0-9][A-Za-z0-9_.-]*}, at most 63 characters), ENUM
     * properties list distinct symbols and other types none, ranges apply to numeric types only and
     * min is not above max.
     */
    public static ConfigCheck forConnection(DeviceConnection connection, String protocol) {
        ConfigCheck check = new ConfigCheck(connection);
        check.checkCommon(protocol);
        return check;
    }

    /** Records a problem found by the driver itself. */
    public void problem(String text) {
        problems.add(text);
    }

    /** The connection settings, for problems starting {@code config.}. */
    public Section config() {
        return new Section("config", connection.config());
    }

    /** A property's visitor, for problems starting {@code property 'name' visitor.}. */
    public Section visitor(PropertyBinding property) {
        return new Section("property '" + property.name() + "' visitor", property.visitor());
    }

    /** Every problem recorded so far, in order. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** {@link ConfigValidation.Valid} if nothing was recorded, else {@link ConfigValidation.Invalid}. */
    public ConfigValidation result() {
        return ConfigValidation.of(problems);
    }

    /** Throws {@link DriverException#invalidConfig} listing the problems, if any were recorded. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw DriverException.invalidConfig(connection.device(), problems);
        }
    }

    private void checkCommon(String protocol) {
        if (!connection.protocol().equals(protocol)) {
            problem("protocol: this driver speaks '" + protocol + "', the device names '"
                    + Values.abbreviate(connection.protocol()) + "'");
        }
        if (!DEVICE_NAME.matcher(connection.device()).matches()) {
            problem("device: '" + Values.abbreviate(connection.device())
                    + "' is not a valid name: use 1-63 lower-case letters, digits or '-',"
                    + " starting and ending with a letter or digit");
        }
        Set<String> seen = new HashSet<>();
        for (PropertyBinding property : connection.properties()) {
            String name = property.name();
            if (!PROPERTY_NAME.matcher(name).matches()) {
                problem("property '" + Values.abbreviate(name) + "': not a valid property name: use 1-63 letters,"
                        + " digits, '_', '.' or '-', starting with a letter or digit");
            }
            if (!seen.add(name)) {
                problem("property '" + Values.abbreviate(name) + "': declared more than once");
            }
            checkConstraints(property);
        }
    }

    private void checkConstraints(PropertyBinding property) {
        String where = "property '" + Values.abbreviate(property.name()) + "'";
        ValueConstraints constraints = property.constraints();
        List<String> symbols = constraints.symbols();
        if (property.type() == PropertyType.ENUM) {
            if (symbols.isEmpty()) {
                problem(where + ": an ENUM property lists its symbols");
            }
            if (new HashSet<>(symbols).size() != symbols.size()) {
                problem(where + ": symbols " + symbols + " repeat a symbol");
            }
            if (symbols.stream().anyMatch(String::isBlank)) {
                problem(where + ": symbols must not be blank");
            }
        } else if (!symbols.isEmpty()) {
            problem(where + ": symbols apply to ENUM properties only, this one is " + property.type());
        }
        boolean ranged = constraints.min().isPresent() || constraints.max().isPresent();
        if (ranged && !property.type().isNumeric()) {
            problem(where + ": min and max apply to numeric properties only, this one is " + property.type());
        }
        if (constraints.min().isPresent()
                && constraints.max().isPresent()
                && constraints.min().get().compareTo(constraints.max().get()) > 0) {
            problem(where + ": min " + constraints.min().get().toPlainString() + " is above max "
                    + constraints.max().get().toPlainString());
        }
    }

    /**
     * One map of settings (the connection config or a property's visitor), read key by key. Blank
     * text counts as absent.
     */
    public final class Section {
        private final String where;
        private final Map<String, String> values;

        private Section(String where, Map<String, String> values) {
            this.where = where;
            this.values = values;
        }

        /** The text of {@code key}, if given and not blank. */
        public Optional<String> text(String key) {
            return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
        }

        /** The text of {@code key}, or the default. */
        public String text(String key, String defaultValue) {
            return text(key).orElse(defaultValue);
        }

        /** The text of {@code key}; records a problem if it is absent. */
        public Optional<String> requiredText(String key) {
            Optional<String> text = text(key);
            if (text.isEmpty()) {
                problem(where + "." + key + ": required");
            }
            return text;
        }

        /** A whole number within [min, max], or the default if absent or bad. */
        public long integer(String key, long defaultValue, long min, long max) {
            OptionalLong value = integer(key, min, max);
            return value.isPresent() ? value.getAsLong() : defaultValue;
        }

        /** A whole number within [min, max], if given and good. */
        public OptionalLong integer(String key, long min, long max) {
            Optional<String> text = text(key);
            if (text.isEmpty()) {
                return OptionalLong.empty();
            }
            if (Values.parse(PropertyType.INT, text.get()) instanceof Conversion.Converted(TypedValue.IntValue(long v))
                    && v >= min
                    && v <= max) {
                return OptionalLong.of(v);
            }
            problem(where + "." + key + ": expected a whole number in [" + min + ", " + max + "]" + got(key));
            return OptionalLong.empty();
        }

        /** A finite number, or the default if absent or bad. */
        public double number(String key, double defaultValue) {
            return number(key, defaultValue, -Double.MAX_VALUE, Double.MAX_VALUE);
        }

        /** A finite number within [min, max], or the default if absent or bad. */
        public double number(String key, double defaultValue, double min, double max) {
            Optional<String> text = text(key);
            if (text.isEmpty()) {
                return defaultValue;
            }
            if (Values.parse(PropertyType.DOUBLE, text.get())
                            instanceof Conversion.Converted(TypedValue.DoubleValue(double v))
                    && v >= min
                    && v <= max) {
                return v;
            }
            String range = min == -Double.MAX_VALUE && max == Double.MAX_VALUE
                    ? "a number"
                    : "a number in [" + min + ", " + max + "]";
            problem(where + "." + key + ": expected " + range + got(key));
            return defaultValue;
        }

        /** {@code true} or {@code false}, or the default if absent or bad. */
        public boolean bool(String key, boolean defaultValue) {
            Optional<String> text = text(key);
            if (text.isEmpty()) {
                return defaultValue;
            }
            if (Values.parse(PropertyType.BOOL, text.get())
                    instanceof Conversion.Converted(TypedValue.BoolValue(boolean v))) {
                return v;
            }
            problem(where + "." + key + ": expected true or false" + got(key));
            return defaultValue;
        }

        /** A duration given in whole milliseconds within [0, max], or the default if absent or bad. */
        public Duration millis(String key, Duration defaultValue, Duration max) {
            OptionalLong ms = integer(key, 0, max.toMillis());
            return ms.isPresent() ? Duration.ofMillis(ms.getAsLong()) : defaultValue;
        }

        /** One of the allowed words, or the default if absent or bad. */
        public String oneOf(String key, String defaultValue, Collection<String> allowed) {
            Optional<String> text = text(key);
            if (text.isEmpty()) {
                return defaultValue;
            }
            if (allowed.contains(text.get().strip())) {
                return text.get().strip();
            }
            problem(where + "." + key + ": expected one of " + new TreeSet<>(allowed) + got(key));
            return defaultValue;
        }

        /** A value of the property (type and constraints checked), if given and good. */
        public Optional<TypedValue> value(String key, PropertyBinding property) {
            Optional<String> text = text(key);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return switch (Values.parse(property, text.get())) {
                case Conversion.Converted converted -> Optional.of(converted.value());
                case Conversion.Failed failed -> {
                    problem(where + "." + key + ": " + failed.reason());
                    yield Optional.empty();
                }
            };
        }

        /** Records a problem for every key not in {@code known}: catches typos such as {@code prot}. */
        public void allowOnly(Collection<String> known) {
            for (String key : new TreeSet<>(values.keySet())) {
                if (!known.contains(key)) {
                    problem(where + "." + Values.abbreviate(key) + ": unknown key (known: " + new TreeSet<>(known)
                            + ")");
                }
            }
        }

        /** Records a problem about {@code key} of this section. */
        public void report(String key, String text) {
            problem(where + "." + key + ": " + text);
        }

        private String got(String key) {
            if (Secrets.isSecretKey(key)) {
                return " (value not shown)";
            }
            return ", got '" + Values.abbreviate(values.getOrDefault(key, "")) + "'";
        }
    }
}
