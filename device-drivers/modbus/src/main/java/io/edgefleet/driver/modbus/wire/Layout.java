package io.edgefleet.driver.modbus.wire;

/**
 * Where the bytes of a multi-register value go: turns register bytes as they travel into the
 * big-endian bytes of the value and back.
 *
 * @param wordOrder the order of the registers of one value
 * @param byteOrder the order of the two bytes inside each register
 */
public record Layout(Endian wordOrder, Endian byteOrder) {
    /** The Modbus default: high word first, high byte first. */
    public static final Layout BIG_ENDIAN = new Layout(Endian.BIG, Endian.BIG);

    /** The big-endian bytes of the value whose registers start at {@code offset} of {@code wire}. */
    public byte[] toValue(byte[] wire, int offset, int registers) {
        byte[] value = new byte[registers * 2];
        for (int i = 0; i < registers; i++) {
            int from = offset + 2 * (wordOrder == Endian.BIG ? i : registers - 1 - i);
            boolean swap = byteOrder == Endian.LITTLE;
            value[2 * i] = wire[from + (swap ? 1 : 0)];
            value[2 * i + 1] = wire[from + (swap ? 0 : 1)];
        }
        return value;
    }

    /** The register bytes, in the order they travel, of a value given as big-endian bytes. */
    public byte[] toWire(byte[] value) {
        // The transformation is its own inverse: reversing registers and swapping bytes twice is identity.
        return toValue(value, 0, value.length / 2);
    }
}
