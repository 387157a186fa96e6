package io.edgefleet.driver;

import java.util.Objects;

/**
 * A property value that knows its {@link PropertyType}: one record per type, so code that handles
 * values switches over the records exhaustively and a type mismatch cannot pass unnoticed (a write
 * of an {@link IntValue} to a {@link PropertyType#DOUBLE DOUBLE} property is refused, not cast).
 *
 * <p>{@link #asText()} gives the canonical text, which {@link Values#parse(PropertyType, String)}
 * reads back to an equal value; use it for configuration, REST and the local store. Numbers are
 * always finite: JSON cannot carry NaN or infinities, so a driver turns such a device value into a
 * {@link Quality#ERROR} reading.
 */
public sealed interface TypedValue {

    /** The property type this value belongs to. */
    PropertyType type();

    /** Canonical text: parses back with {@link Values#parse(PropertyType, String)} to an equal value. */
    String asText();

    static TypedValue of(long value) {
        return new IntValue(value);
    }

    static TypedValue of(float value) {
        return new FloatValue(value);
    }

    static TypedValue of(double value) {
        return new DoubleValue(value);
    }

    static TypedValue of(boolean value) {
        return new BoolValue(value);
    }

    static TypedValue of(String value) {
        return new StringValue(value);
    }

    static TypedValue symbol(String symbol) {
        return new EnumValue(symbol);
    }

    /** A value of {@link PropertyType#INT}. */
    record IntValue(long value) implements TypedValue {
        @Override
        public PropertyType type() {
            return PropertyType.INT;
        }

        @Override
        public String asText() {
            return Long.toString(value);
        }
    }

    /** A value of {@link PropertyType#FLOAT}; finite. */
    record FloatValue(float value) implements TypedValue {
        public FloatValue {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("a FLOAT value must be finite, got " + value);
            }
        }

        @Override
        public PropertyType type() {
            return PropertyType.FLOAT;
        }

        @Override
        public String asText() {
            return Float.toString(value);
        }
    }

    /** A value of {@link PropertyType#DOUBLE}; finite. */
    record DoubleValue(double value) implements TypedValue {
        public DoubleValue {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a DOUBLE value must be finite, got " + value);
            }
        }

        @Override
        public PropertyType type() {
            return PropertyType.DOUBLE;
        }

        @Override
        public String asText() {
            return Double.toString(value);
        }
    }

    /** A value of {@link PropertyType#BOOL}. */
    record BoolValue(boolean value) implements TypedValue {
        @Override
        public PropertyType type() {
            return PropertyType.BOOL;
        }

        @Override
        public String asText() {
            return Boolean.toString(value);
        }
    }

    /** A value of {@link PropertyType#STRING}. */
    record StringValue(String value) implements TypedValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public PropertyType type() {
            return PropertyType.STRING;
        }

        @Override
        public String asText() {
            return value;
        }
    }

    /** A value of {@link PropertyType#ENUM}: one symbol of the property's {@link ValueConstraints#symbols()}. */
    record EnumValue(String symbol) implements TypedValue {
        public EnumValue {
            Objects.requireNonNull(symbol, "symbol");
            if (symbol.isBlank()) {
                throw new IllegalArgumentException("an ENUM symbol must not be blank");
            }
        }

        @Override
        public PropertyType type() {
            return PropertyType.ENUM;
        }

        @Override
        public String asText() {
            return symbol;
        }
    }
}
