package io.edgefleet.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.Conversion;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.modbus.wire.DataType;
import io.edgefleet.driver.modbus.wire.Endian;
import io.edgefleet.driver.modbus.wire.Layout;
import io.edgefleet.driver.modbus.wire.Table;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegisterCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "word-order {0}, byte-order {1}: {2}")
    @CsvSource({"big, big, 41ac0000", "little, big, 000041ac", "big, little, ac410000", "little, little, 0000ac41"})
    void float32InEveryByteOrderReadsAndWritesTheSameValue(String words, String bytes, String wire) {
        ModbusPoint point = point(PropertyType.FLOAT, Table.HOLDING, DataType.FLOAT32, layout(words, bytes), "1");

        assertThat(RegisterCodec.decode(point, HEX.parseHex(wire), 0))
                .isEqualTo(new Conversion.Converted(TypedValue.of(21.5f)));
        assertThat(RegisterCodec.encode(point, TypedValue.of(21.5f)))
                .isInstanceOfSatisfying(RegisterCodec.Encoded.Registers.class, r -> assertThat(HEX.formatHex(r.bytes()))
                        .isEqualTo(wire));
    }

    @Test
    void integerTypesAreSignedOrUnsignedAsDeclared() {
        byte[] wire = HEX.parseHex("fffe" + "fffe7960");

        assertThat(RegisterCodec.decode(point(PropertyType.INT, DataType.INT16), wire, 0))
                .isEqualTo(new Conversion.Converted(TypedValue.of(-2L)));
        assertThat(RegisterCodec.decode(point(PropertyType.INT, DataType.UINT16), wire, 0))
                .isEqualTo(new Conversion.Converted(TypedValue.of(65534L)));
        assertThat(RegisterCodec.decode(point(PropertyType.INT, DataType.INT32), wire, 1))
                .isEqualTo(new Conversion.Converted(TypedValue.of(-100000L)));
        assertThat(RegisterCodec.decode(point(PropertyType.INT, DataType.UINT32), wire, 1))
                .isEqualTo(new Conversion.Converted(TypedValue.of(0xFFFE7960L)));
    }

    @Test
    void scaleIsAppliedInDecimal() {
        ModbusPoint point = point(PropertyType.DOUBLE, Table.HOLDING, DataType.INT16, Layout.BIG_ENDIAN, "0.1");

        assertThat(RegisterCodec.decode(point, HEX.parseHex("00d7"), 0))
                .isEqualTo(new Conversion.Converted(TypedValue.of(21.5)));
        assertThat(RegisterCodec.encode(point, TypedValue.of(22.3)))
                .isInstanceOfSatisfying(RegisterCodec.Encoded.Registers.class, r -> assertThat(HEX.formatHex(r.bytes()))
                        .isEqualTo("00df"));
    }

    @Test
    void aNonFiniteDeviceValueIsNotAReading() {
        Conversion nan = RegisterCodec.decode(point(PropertyType.FLOAT, DataType.FLOAT32), HEX.parseHex("7fc00000"), 0);

        assertThat(nan).isInstanceOfSatisfying(Conversion.Failed.class, f -> assertThat(f.reason())
                .contains("NaN", "holding 0..1"));
    }

    @Test
    void valuesOutsideTheRegisterTypeAreUnfit() {
        assertThat(RegisterCodec.encode(point(PropertyType.INT, DataType.INT16), TypedValue.of(32768L)))
                .isInstanceOf(RegisterCodec.Encoded.Unfit.class);
        assertThat(RegisterCodec.encode(point(PropertyType.INT, DataType.UINT16), TypedValue.of(-1L)))
                .isInstanceOf(RegisterCodec.Encoded.Unfit.class);
        assertThat(RegisterCodec.encode(point(PropertyType.DOUBLE, DataType.FLOAT32), TypedValue.of(1e300)))
                .isInstanceOf(RegisterCodec.Encoded.Unfit.class);
        assertThat(RegisterCodec.encode(point(PropertyType.INT, DataType.UINT32), TypedValue.of(0xFFFF_FFFFL)))
                .isInstanceOfSatisfying(RegisterCodec.Encoded.Registers.class, r -> assertThat(HEX.formatHex(r.bytes()))
                        .isEqualTo("ffffffff"));
    }

    @Test
    void bitsAndBoolRegisters() {
        ModbusPoint coil = point(PropertyType.BOOL, Table.COIL, DataType.BOOL, Layout.BIG_ENDIAN, "1");
        ModbusPoint flag = point(PropertyType.BOOL, Table.HOLDING, DataType.BOOL, Layout.BIG_ENDIAN, "1");

        // 0x08 0x01: bits 3 and 8 set, the first address in the lowest bit.
        assertThat(RegisterCodec.decode(coil, HEX.parseHex("0801"), 3))
                .isEqualTo(new Conversion.Converted(TypedValue.of(true)));
        assertThat(RegisterCodec.decode(coil, HEX.parseHex("0801"), 4))
                .isEqualTo(new Conversion.Converted(TypedValue.of(false)));
        assertThat(RegisterCodec.decode(coil, HEX.parseHex("0801"), 8))
                .isEqualTo(new Conversion.Converted(TypedValue.of(true)));
        assertThat(RegisterCodec.decode(flag, HEX.parseHex("0100"), 0))
                .isEqualTo(new Conversion.Converted(TypedValue.of(true)));
        assertThat(RegisterCodec.encode(coil, TypedValue.of(true))).isEqualTo(new RegisterCodec.Encoded.Coil(true));
        assertThat(RegisterCodec.encode(flag, TypedValue.of(true)))
                .isInstanceOfSatisfying(RegisterCodec.Encoded.Registers.class, r -> assertThat(HEX.formatHex(r.bytes()))
                        .isEqualTo("0001"));
    }

    private static ModbusPoint point(PropertyType type, DataType dataType) {
        return point(type, Table.HOLDING, dataType, Layout.BIG_ENDIAN, "1");
    }

    private static ModbusPoint point(PropertyType type, Table table, DataType dataType, Layout layout, String scale) {
        return new ModbusPoint(
                new PropertyBinding("p", type, AccessMode.READ_WRITE, Map.of()),
                table,
                0,
                dataType,
                layout,
                new BigDecimal(scale));
    }

    private static Layout layout(String words, String bytes) {
        return new Layout(Endian.ofKey(words), Endian.ofKey(bytes));
    }
}
