package io.edgefleet.driver.simulated;

import io.edgefleet.driver.ConfigCheck;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.TypedValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a simulated property makes its values, chosen by the visitor key {@code generator}. The
 * records are the immutable recipe; {@link SimulatedProperty} holds a session's running state.
 * Numbers become the property's type by rounding (INT) or narrowing (FLOAT).
 */
sealed interface Generator {
    String KEY = "generator";
    String QUALITY = "quality";

    /** {@code offset + amplitude * sin(2π t / period)}, t = seconds since the session opened. */
    record Sine(double amplitude, double periodSeconds, double offset) implements Generator {}

    /**
     * Starts at {@code start} and moves by a uniform step in [-step, step] on every read, kept
     * within [min, max]; the same seed gives the same sequence.
     */
    record RandomWalk(double step, double min, double max, double start, long seed) implements Generator {}

    /** Always the same value (of any type); the default. */
    record Constant(TypedValue value) implements Generator {}

    /** {@code start}, then {@code start + step}, {@code start + 2 step}, … one per read. */
    record Counter(double start, double step) implements Generator {}

    List<String> KINDS = List.of("sine", "random-walk", "constant", "counter");

    /** Reads the generator of {@code property}, recording problems in {@code check}. */
    static Generator read(ConfigCheck check, PropertyBinding property, long deviceSeed) {
        ConfigCheck.Section visitor = check.visitor(property);
        String kind = visitor.oneOf(KEY, "constant", KINDS);
        if (!"constant".equals(kind) && !property.type().isNumeric()) {
            visitor.report(
                    KEY, "'" + kind + "' makes numbers but the property is " + property.type() + "; use 'constant'");
        }
        Set<String> known = new HashSet<>(Set.of(KEY, QUALITY));
        Generator generator =
                switch (kind) {
                    case "sine" -> {
                        known.addAll(Set.of("amplitude", "period-seconds", "offset"));
                        yield new Sine(
                                visitor.number("amplitude", 1.0),
                                visitor.number("period-seconds", 60.0, 0.001, 1.0e9),
                                visitor.number("offset", 0.0));
                    }
                    case "random-walk" -> {
                        known.addAll(Set.of("step", "min", "max", "start", "seed"));
                        yield randomWalk(visitor, property, deviceSeed);
                    }
                    case "counter" -> {
                        known.addAll(Set.of("start", "step"));
                        yield new Counter(visitor.number("start", 0.0), visitor.number("step", 1.0));
                    }
                    default -> {
                        known.add("value");
                        yield new Constant(visitor.value("value", property).orElseGet(() -> zero(property)));
                    }
                };
        visitor.allowOnly(known);
        return generator;
    }

    private static Generator randomWalk(ConfigCheck.Section visitor, PropertyBinding property, long deviceSeed) {
        double step = visitor.number("step", 1.0, 0.0, Double.MAX_VALUE);
        double min = visitor.number("min", 0.0);
        double max = visitor.number("max", 100.0);
        if (min > max) {
            visitor.report("min", min + " is above max " + max);
            max = min;
        }
        double start = visitor.number("start", min + (max - min) / 2, min, max);
        // Mixing in the name keeps two walks of one device apart while staying reproducible.
        long seed =
                visitor.integer("seed", deviceSeed * 31 + property.name().hashCode(), Long.MIN_VALUE, Long.MAX_VALUE);
        return new RandomWalk(step, min, max, start, seed);
    }

    /** The value a constant has when the visitor gives none: zero, false, empty, the first symbol. */
    private static TypedValue zero(PropertyBinding property) {
        List<String> symbols = property.constraints().symbols();
        return switch (property.type()) {
            case INT -> TypedValue.of(0L);
            case FLOAT -> TypedValue.of(0.0f);
            case DOUBLE -> TypedValue.of(0.0);
            case BOOL -> TypedValue.of(false);
            case STRING -> TypedValue.of("");
            // Without symbols the device is invalid anyway (ConfigCheck says so); any symbol will do.
            case ENUM -> TypedValue.symbol(symbols.isEmpty() ? "undefined" : symbols.getFirst());
        };
    }

    /** A generated number as a value of {@code type}. */
    static TypedValue number(double value, PropertyType type) {
        return switch (type) {
            case INT -> TypedValue.of(Math.round(value));
            case FLOAT -> TypedValue.of((float) value);
            case DOUBLE -> TypedValue.of(value);
            default -> throw new IllegalStateException("generators make numbers, the property is " + type);
        };
    }
}
