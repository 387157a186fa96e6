package io.edgefleet.driver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What values a property may take, from its device model (DESIGN section 2: min, max, enum
 * symbols). {@link Values} checks values against them before a write and when parsing input.
 * Readings are not checked: a device reports what it reports.
 *
 * <p>Bounds are {@link BigDecimal} so that an INT bound near {@link Long#MAX_VALUE} and a DOUBLE
 * bound compare exactly.
 *
 * @param min smallest allowed value, inclusive, for numeric types
 * @param max largest allowed value, inclusive, for numeric types
 * @param symbols the closed set of symbols of an {@link PropertyType#ENUM} property, in the device
 *     model's order; empty for other types
 */
public record ValueConstraints(Optional<BigDecimal> min, Optional<BigDecimal> max, List<String> symbols) {

    /** No constraints at all. */
    public static final ValueConstraints NONE = new ValueConstraints(Optional.empty(), Optional.empty(), List.of());

    public ValueConstraints {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        symbols = List.copyOf(symbols);
    }

    /** Numbers between {@code min} and {@code max}, both inclusive. */
    public static ValueConstraints between(double min, double max) {
        return new ValueConstraints(
                Optional.of(BigDecimal.valueOf(min)), Optional.of(BigDecimal.valueOf(max)), List.of());
    }

    /** The symbols of an ENUM property. */
    public static ValueConstraints symbols(String... symbols) {
        return new ValueConstraints(Optional.empty(), Optional.empty(), List.of(symbols));
    }

    /** A human description for messages: {@code [0, 100]}, {@code >= 0}, {@code one of [on, off]}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (min.isPresent() && max.isPresent()) {
            parts.add("[" + min.get().toPlainString() + ", " + max.get().toPlainString() + "]");
        } else {
            min.ifPresent(m -> parts.add(">= " + m.toPlainString()));
            max.ifPresent(m -> parts.add("<= " + m.toPlainString()));
        }
        if (!symbols.isEmpty()) {
            parts.add("one of " + symbols);
        }
        return parts.isEmpty() ? "unconstrained" : String.join(", ", parts);
    }
}
