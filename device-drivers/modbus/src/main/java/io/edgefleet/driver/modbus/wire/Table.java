package io.edgefleet.driver.modbus.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four Modbus data tables, by their visitor key. */
public enum Table {
    /** Read-write 16-bit registers: read with function 3, written with 6 (one) or 16 (several). */
    HOLDING("holding", false, true, 3),
    /** Read-only 16-bit registers: function 4. */
    INPUT("input", false, false, 4),
    /** Read-write bits: read with function 1, written with 5. */
    COIL("coil", true, true, 1),
    /** Read-only bits: function 2. */
    DISCRETE_INPUT("discrete-input", true, false, 2);

    /** The most registers one read request may ask for (Modbus application protocol, 6.3). */
    public static final int MAX_REGISTERS_PER_READ = 125;
    /** The most bits one read request may ask for (6.1). */
    public static final int MAX_BITS_PER_READ = 2000;

    private final String key;
    private final boolean bits;
    private final boolean writable;
    private final int readFunction;

    Table(String key, boolean bits, boolean writable, int readFunction) {
        this.key = key;
        this.bits = bits;
        this.writable = writable;
        this.readFunction = readFunction;
    }

    /** The visitor key: {@code holding}, {@code input}, {@code coil}, {@code discrete-input}. */
    public String key() {
        return key;
    }

    /** True for coils and discrete inputs, which hold one bit per address. */
    public boolean isBits() {
        return bits;
    }

    /** True for holding registers and coils, the tables a master may write. */
    public boolean isWritable() {
        return writable;
    }

    /** The function code that reads this table. */
    public int readFunction() {
        return readFunction;
    }

    /** Every key, for messages and validation. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Table::key).toList();
    }

    /** The table with this key, if any. */
    public static Optional<Table> ofKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
