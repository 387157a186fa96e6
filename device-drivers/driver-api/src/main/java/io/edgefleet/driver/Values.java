package io.edgefleet.driver;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conversions into property values that every driver and the edge share, so that "12.5" means
 * the same thing in a device's configuration, a REST call and a twin's desired value.
 *
 * <ul>
 *   <li>{@link #parse(PropertyType, String)}: text to a value of a type (no constraints).
 *   <li>{@link #parse(PropertyBinding, String)}: text to a value of a property, constraints checked.
 *   <li>{@link #check}: a value that must already have the property's type, constraints checked.
 *   <li>{@link #coerce}: a value of another type converted without loss (INT 3 to DOUBLE 3.0,
 *       DOUBLE 4.0 to INT 4), then checked; anything lossy is {@code wrong-type}.
 * </ul>
 *
 * <p>Parsing is strict: numbers are plain decimal ({@code 12}, {@code -0.5}, {@code 1e3} for
 * FLOAT/DOUBLE), never hex, never {@code NaN} or {@code Infinity}, never with type suffixes;
 * booleans are {@code true} or {@code false} in any case. Surrounding blanks are ignored except for
 * STRING, whose text is taken as is. Every method returns a {@link Conversion} and never throws for
 * bad input.
 */
public final class Values {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,9})?");
    private static final int MAX_NUMBER_LENGTH = 400;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Values() {}

    /** Parses text into a value of {@code type}, without any constraints. */
    public static Conversion parse(PropertyType type, String text) {
        String trimmed = text.strip();
        return switch (type) {
            case INT -> parseInt(trimmed);
            case FLOAT -> parseFloat(trimmed);
            case DOUBLE -> parseDouble(trimmed);
            case BOOL ->
                switch (trimmed.toLowerCase(Locale.ROOT)) {
                    case "true" -> new Conversion.Converted(new TypedValue.BoolValue(true));
                    case "false" -> new Conversion.Converted(new TypedValue.BoolValue(false));
                    default -> invalidFormat(type, trimmed);
                };
            case STRING -> new Conversion.Converted(new TypedValue.StringValue(text));
            case ENUM ->
                trimmed.isEmpty()
                        ? invalidFormat(type, trimmed)
                        : new Conversion.Converted(new TypedValue.EnumValue(trimmed));
        };
    }

    /** Parses text into a value of the property: its type, then its constraints. */
    public static Conversion parse(PropertyBinding binding, String text) {
        return switch (parse(binding.type(), text)) {
            case Conversion.Converted converted -> check(binding, converted.value());
            case Conversion.Failed failed ->
                new Conversion.Failed(failed.code(), "property '" + binding.name() + "': " + failed.reason());
        };
    }

    /**
     * Checks that {@code value} has the property's type and lies within its constraints (numeric
     * bounds inclusive; ENUM symbols when the property lists any).
     */
    public static Conversion check(PropertyBinding binding, TypedValue value) {
        if (value.type() != binding.type()) {
            return new Conversion.Failed(
                    Conversion.Failed.WRONG_TYPE,
                    "property '" + binding.name() + "' is " + binding.type() + ", got a " + value.type() + " value");
        }
        ValueConstraints constraints = binding.constraints();
        Optional<BigDecimal> number = decimalOf(value);
        if (number.isPresent()) {
            BigDecimal n = number.get();
            boolean below = constraints.min().map(min -> n.compareTo(min) < 0).orElse(false);
            boolean above = constraints.max().map(max -> n.compareTo(max) > 0).orElse(false);
            if (below || above) {
                return new Conversion.Failed(
                        Conversion.Failed.OUT_OF_RANGE,
                        "property '" + binding.name() + "': " + value.asText() + " is outside "
                                + constraints.describe());
            }
        }
        if (value instanceof TypedValue.EnumValue(String symbol)
                && !constraints.symbols().isEmpty()
                && !constraints.symbols().contains(symbol)) {
            return new Conversion.Failed(
                    Conversion.Failed.OUT_OF_RANGE,
                    "property '" + binding.name() + "': '" + abbreviate(symbol) + "' is not " + constraints.describe());
        }
        return new Conversion.Converted(value);
    }

    /**
     * Converts {@code value} to the property's type when no information is lost, then {@link
     * #check}s it. Allowed: INT to FLOAT/DOUBLE when exactly representable; FLOAT/DOUBLE to INT
     * when a whole number within 64 bits; FLOAT to DOUBLE keeping its decimal text (0.1f becomes
     * 0.1); DOUBLE to FLOAT rounding to the nearest float, when that is finite; STRING to ENUM and
     * ENUM to STRING. Everything else is {@code wrong-type}.
     */
    public static Conversion coerce(PropertyBinding binding, TypedValue value) {
        if (value.type() == binding.type()) {
            return check(binding, value);
        }
        Optional<TypedValue> converted = convert(value, binding.type());
        if (converted.isEmpty()) {
            return new Conversion.Failed(
                    Conversion.Failed.WRONG_TYPE,
                    "property '" + binding.name() + "' is " + binding.type() + ": a " + value.type() + " value of "
                            + abbreviate(value.asText()) + " does not convert without loss");
        }
        return check(binding, converted.get());
    }

    private static Optional<TypedValue> convert(TypedValue value, PropertyType target) {
        return switch (value) {
            case TypedValue.IntValue(long v) ->
                switch (target) {
                    case FLOAT ->
                        new BigDecimal((float) v).compareTo(BigDecimal.valueOf(v)) == 0
                                ? Optional.of(new TypedValue.FloatValue(v))
                                : Optional.empty();
                    case DOUBLE ->
                        new BigDecimal((double) v).compareTo(BigDecimal.valueOf(v)) == 0
                                ? Optional.of(new TypedValue.DoubleValue(v))
                                : Optional.empty();
                    default -> Optional.empty();
                };
            case TypedValue.FloatValue(float v) ->
                switch (target) {
                    case DOUBLE -> Optional.of(new TypedValue.DoubleValue(Double.parseDouble(Float.toString(v))));
                    case INT -> wholeNumber(new BigDecimal(v));
                    default -> Optional.empty();
                };
            case TypedValue.DoubleValue(double v) ->
                switch (target) {
                    case FLOAT ->
                        Float.isFinite((float) v)
                                ? Optional.of(new TypedValue.FloatValue((float) v))
                                : Optional.empty();
                    case INT -> wholeNumber(new BigDecimal(v));
                    default -> Optional.empty();
                };
            case TypedValue.StringValue(String v) ->
                target == PropertyType.ENUM && !v.isBlank()
                        ? Optional.of(new TypedValue.EnumValue(v.strip()))
                        : Optional.empty();
            case TypedValue.EnumValue(String symbol) ->
                target == PropertyType.STRING ? Optional.of(new TypedValue.StringValue(symbol)) : Optional.empty();
            case TypedValue.BoolValue ignored -> Optional.empty();
        };
    }

    private static Optional<TypedValue> wholeNumber(BigDecimal exact) {
        boolean whole = exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0;
        if (!whole || exact.compareTo(LONG_MIN) < 0 || exact.compareTo(LONG_MAX) > 0) {
            return Optional.empty();
        }
        return Optional.of(new TypedValue.IntValue(exact.longValueExact()));
    }

    /** The exact decimal a person would read for a numeric value (0.1f is 0.1), empty for others. */
    static Optional<BigDecimal> decimalOf(TypedValue value) {
        return switch (value) {
            case TypedValue.IntValue(long v) -> Optional.of(BigDecimal.valueOf(v));
            case TypedValue.FloatValue(float v) -> Optional.of(new BigDecimal(Float.toString(v)));
            case TypedValue.DoubleValue(double v) -> Optional.of(BigDecimal.valueOf(v));
            default -> Optional.empty();
        };
    }

    private static Conversion parseInt(String text) {
        if (text.length() > MAX_NUMBER_LENGTH || !INTEGER.matcher(text).matches()) {
            return invalidFormat(PropertyType.INT, text);
        }
        BigInteger big = new BigInteger(text);
        if (big.bitLength() > 63) {
            return outOfRange(PropertyType.INT, text);
        }
        return new Conversion.Converted(new TypedValue.IntValue(big.longValueExact()));
    }

    /** Rounds to the nearest float; out of range only where that rounding overflows. */
    private static Conversion parseFloat(String text) {
        Optional<BigDecimal> decimal = parseDecimal(text);
        if (decimal.isEmpty()) {
            return invalidFormat(PropertyType.FLOAT, text);
        }
        float value = decimal.get().floatValue();
        return Float.isFinite(value)
                ? new Conversion.Converted(new TypedValue.FloatValue(value))
                : outOfRange(PropertyType.FLOAT, text);
    }

    private static Conversion parseDouble(String text) {
        Optional<BigDecimal> decimal = parseDecimal(text);
        if (decimal.isEmpty()) {
            return invalidFormat(PropertyType.DOUBLE, text);
        }
        double value = decimal.get().doubleValue();
        return Double.isFinite(value)
                ? new Conversion.Converted(new TypedValue.DoubleValue(value))
                : outOfRange(PropertyType.DOUBLE, text);
    }

    private static Optional<BigDecimal> parseDecimal(String text) {
        if (text.length() > MAX_NUMBER_LENGTH || !DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            // An exponent beyond what BigDecimal holds: not a number any device carries.
            return Optional.empty();
        }
    }

    private static Conversion invalidFormat(PropertyType type, String text) {
        return new Conversion.Failed(
                Conversion.Failed.INVALID_FORMAT, "'" + abbreviate(text) + "' is not " + article(type) + " value");
    }

    private static Conversion outOfRange(PropertyType type, String text) {
        return new Conversion.Failed(
                Conversion.Failed.OUT_OF_RANGE, "'" + abbreviate(text) + "' is outside the range of " + type);
    }

    private static String article(PropertyType type) {
        return type == PropertyType.INT || type == PropertyType.ENUM ? "an " + type : "a " + type;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
