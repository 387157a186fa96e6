package io.edgefleet.driver.modbus.wire;

import java.util.List;

/**
 * An order, for the words of a multi-register value ({@code word-order}) or the two bytes of each
 * register ({@code byte-order}). Modbus itself is big-endian: the high byte first and, by the most
 * common convention, the high word first. Devices that differ are described with {@code little}:
 * word-order little is "CDAB" for a 32-bit value, byte-order little is "BADC", both is "DCBA".
 */
public enum Endian {
    BIG,
    LITTLE;

    public static final List<String> KEYS = List.of("big", "little");

    public String key() {
        return this == BIG ? "big" : "little";
    }

    public static Endian ofKey(String key) {
        return "little".equals(key) ? LITTLE : BIG;
    }
}
