package io.edgefleet.driver.modbus;

import io.edgefleet.driver.Conversion;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.modbus.wire.DataType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Turns register contents into property values and back, following a {@link ModbusPoint}: data
 * type, word and byte order, scale. Integer registers with a scale are computed in decimal, so raw
 * 215 with scale 0.1 reads 21.5, not 21.500000000000004.
 */
final class RegisterCodec {

    private RegisterCodec() {}

    /** What to send for a write. */
    sealed interface Encoded {
        /** Holding register bytes, in the order they travel. */
        record Registers(byte[] bytes) implements Encoded {
            public Registers {
                bytes = bytes.clone();
            }

            @Override
            public byte[] bytes() {
                return bytes.clone();
            }
        }

        /** A coil state. */
        record Coil(boolean on) implements Encoded {}

        /** The value cannot be held by the point's data type. */
        record Unfit(String reason) implements Encoded {
            public Unfit {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /**
     * The point's value in a read answer.
     *
     * @param data the answer's bytes: registers as they travelled, or bits packed 8 per byte
     * @param offset the point's position in the answer, in registers or bits from its first address
     */
    static Conversion decode(ModbusPoint point, byte[] data, int offset) {
        if (point.table().isBits()) {
            return new Conversion.Converted(TypedValue.of((data[offset / 8] >> (offset % 8) & 1) == 1));
        }
        ByteBuffer value = ByteBuffer.wrap(point.layout().toValue(data, offset * 2, point.count()));
        return switch (point.dataType()) {
            case BOOL -> new Conversion.Converted(TypedValue.of(value.getShort() != 0));
            case INT16 -> fromInteger(point, value.getShort());
            case UINT16 -> fromInteger(point, value.getShort() & 0xFFFF);
            case INT32 -> fromInteger(point, value.getInt());
            case UINT32 -> fromInteger(point, value.getInt() & 0xFFFF_FFFFL);
            case FLOAT32 -> fromFloat(point, value.getFloat());
            case FLOAT64 -> fromDouble(point, value.getDouble());
        };
    }

    private static Conversion fromInteger(ModbusPoint point, long raw) {
        return switch (point.binding().type()) {
            case INT -> new Conversion.Converted(TypedValue.of(raw));
            default -> fromDecimal(point, BigDecimal.valueOf(raw).multiply(point.scale()));
        };
    }

    private static Conversion fromFloat(ModbusPoint point, float raw) {
        if (!Float.isFinite(raw)) {
            return notFinite(point, Float.toString(raw));
        }
        if (!point.scaled()) {
            return switch (point.binding().type()) {
                case FLOAT -> new Conversion.Converted(TypedValue.of(raw));
                // The float's decimal text, as Values.coerce widens FLOAT to DOUBLE: 21.1f reads 21.1.
                default -> new Conversion.Converted(TypedValue.of(Double.parseDouble(Float.toString(raw))));
            };
        }
        return fromDecimal(point, new BigDecimal(Float.toString(raw)).multiply(point.scale()));
    }

    private static Conversion fromDouble(ModbusPoint point, double raw) {
        if (!Double.isFinite(raw)) {
            return notFinite(point, Double.toString(raw));
        }
        return fromDecimal(point, BigDecimal.valueOf(raw).multiply(point.scale()));
    }

    private static Conversion fromDecimal(ModbusPoint point, BigDecimal value) {
        return switch (point.binding().type()) {
            case FLOAT -> {
                float f = value.floatValue();
                yield Float.isFinite(f)
                        ? new Conversion.Converted(TypedValue.of(f))
                        : new Conversion.Failed(
                                Conversion.Failed.OUT_OF_RANGE,
                                "the device value " + value.toPlainString() + " at " + point.describe()
                                        + " does not fit a FLOAT");
            }
            default -> new Conversion.Converted(TypedValue.of(value.doubleValue()));
        };
    }

    private static Conversion notFinite(ModbusPoint point, String raw) {
        return new Conversion.Failed(
                Conversion.Failed.OUT_OF_RANGE,
                "the device holds " + raw + " at " + point.describe() + ", not a finite number");
    }

    /** What to send to store {@code value} (of the property's type, already checked) at the point. */
    static Encoded encode(ModbusPoint point, TypedValue value) {
        if (point.table().isBits()) {
            return value instanceof TypedValue.BoolValue(boolean on)
                    ? new Encoded.Coil(on)
                    : new Encoded.Unfit("a coil takes a BOOL value, got " + value.type());
        }
        DataType type = point.dataType();
        return switch (value) {
            case TypedValue.BoolValue(boolean on) ->
                registers(point, ByteBuffer.allocate(2).putShort((short) (on ? 1 : 0)));
            case TypedValue.IntValue(long v) -> integer(point, BigDecimal.valueOf(v));
            case TypedValue.FloatValue(float v) -> number(point, new BigDecimal(Float.toString(v)));
            case TypedValue.DoubleValue(double v) -> number(point, BigDecimal.valueOf(v));
            default -> new Encoded.Unfit("a " + value.type() + " value has no Modbus encoding (" + type.key() + ")");
        };
    }

    private static Encoded number(ModbusPoint point, BigDecimal value) {
        BigDecimal raw = point.scaled() ? value.divide(point.scale(), MathContext.DECIMAL128) : value;
        return switch (point.dataType()) {
            case FLOAT32 -> {
                float f = raw.floatValue();
                yield Float.isFinite(f)
                        ? registers(point, ByteBuffer.allocate(4).putFloat(f))
                        : unfit(point, value);
            }
            case FLOAT64 -> {
                double d = raw.doubleValue();
                yield Double.isFinite(d)
                        ? registers(point, ByteBuffer.allocate(8).putDouble(d))
                        : unfit(point, value);
            }
            // Integer registers hold whole raw values: the device's resolution is the scale.
            default -> integer(point, raw.setScale(0, RoundingMode.HALF_EVEN));
        };
    }

    private static Encoded integer(ModbusPoint point, BigDecimal raw) {
        DataType type = point.dataType();
        if (raw.compareTo(BigDecimal.valueOf(type.min())) < 0 || raw.compareTo(BigDecimal.valueOf(type.max())) > 0) {
            return new Encoded.Unfit(
                    "property '" + point.name() + "': raw value " + raw.toPlainString() + " does not fit " + type.key()
                            + " [" + type.min() + ", " + type.max() + "] at " + point.describe());
        }
        long v = raw.longValueExact();
        return switch (type) {
            case INT16, UINT16 -> registers(point, ByteBuffer.allocate(2).putShort((short) v));
            default -> registers(point, ByteBuffer.allocate(4).putInt((int) v));
        };
    }

    private static Encoded unfit(ModbusPoint point, BigDecimal value) {
        return new Encoded.Unfit("property '" + point.name() + "': " + value.toPlainString() + " does not fit "
                + point.dataType().key() + " at " + point.describe());
    }

    private static Encoded registers(ModbusPoint point, ByteBuffer bigEndian) {
        return new Encoded.Registers(point.layout().toWire(bigEndian.array()));
    }
}
