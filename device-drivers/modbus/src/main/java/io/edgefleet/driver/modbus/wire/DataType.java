package io.edgefleet.driver.modbus.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a value is encoded in registers: its width and interpretation. */
public enum DataType {
    INT16("int16", 1, true),
    UINT16("uint16", 1, true),
    INT32("int32", 2, true),
    UINT32("uint32", 2, true),
    FLOAT32("float32", 2, false),
    FLOAT64("float64", 4, false),
    /** One bit of a coil or discrete input, or a register read as "not zero" and written as 1 or 0. */
    BOOL("bool", 1, false);

    private final String key;
    private final int registers;
    private final boolean integer;

    DataType(String key, int registers, boolean integer) {
        this.key = key;
        this.registers = registers;
        this.integer = integer;
    }

    /** The visitor key: {@code int16}, {@code float32}, … */
    public String key() {
        return key;
    }

    /** How many 16-bit registers (or bits, for BOOL in a bit table) one value takes. */
    public int registers() {
        return registers;
    }

    /** True for the integer types int16, uint16, int32 and uint32. */
    public boolean isInteger() {
        return integer;
    }

    /** The smallest value an integer type holds. */
    public long min() {
        return switch (this) {
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            default -> 0;
        };
    }

    /** The largest value an integer type holds. */
    public long max() {
        return switch (this) {
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 0xFFFFL;
            case INT32 -> Integer.MAX_VALUE;
            case UINT32 -> 0xFFFF_FFFFL;
            default -> 1;
        };
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(DataType::key).toList();
    }

    public static Optional<DataType> ofKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
