package io.edgefleet.driver;

import java.util.Locale;

/**
 * The type of a device property (DESIGN section 2, a device model's property type), and so of its
 * {@link TypedValue}s. Each type has exactly one value record; a driver maps it to the protocol's
 * representation (a Modbus register pair, an OPC UA built-in type, a JSON field) and refuses values
 * the device cannot hold.
 */
public enum PropertyType {
    /** A signed 64-bit integer ({@link TypedValue.IntValue}); drivers refuse what their register cannot hold. */
    INT,
    /** An IEEE 754 single-precision number ({@link TypedValue.FloatValue}); always finite. */
    FLOAT,
    /** An IEEE 754 double-precision number ({@link TypedValue.DoubleValue}); always finite. */
    DOUBLE,
    /** true or false ({@link TypedValue.BoolValue}). */
    BOOL,
    /** Text ({@link TypedValue.StringValue}). */
    STRING,
    /**
     * One symbol of a closed set that the property's {@link ValueConstraints#symbols()} lists
     * ({@link TypedValue.EnumValue}); the driver maps symbols to the device's codes.
     */
    ENUM;

    /** True for INT, FLOAT and DOUBLE: the types {@link ValueConstraints} ranges apply to. */
    public boolean isNumeric() {
        return this == INT || this == FLOAT || this == DOUBLE;
    }

    /** The name used in configuration and on the wire: {@code int}, {@code float}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
