package io.edgefleet.driver.opcua;

import io.edgefleet.driver.Conversion;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.ValueConstraints;
import io.edgefleet.driver.Values;
import io.edgefleet.driver.WriteResult;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UNumber;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/**
 * Maps OPC UA values to property values and back, and status codes to {@link
 * io.edgefleet.driver.Quality}.
 *
 * <p>Reads: SByte/Byte/Int16/UInt16/Int32/UInt32/Int64/UInt64 give INT (a UInt64 above 2^63-1 is an
 * error), Float FLOAT, Double DOUBLE, Boolean BOOL, String and LocalizedText STRING; lossless
 * conversions between them follow {@link Values#coerce} (an Int16 read into a DOUBLE property is
 * fine, a Double 1.5 into an INT property is an error). ENUM properties take a String (the symbol)
 * or a whole number (the symbol's code). Status Good gives GOOD, Uncertain STALE, Bad ERROR.
 *
 * <p>Writes: the value goes out in the variable's own data type (read from the server), so an INT
 * written to an Int16 variable is an Int16, and a value the type cannot hold is refused {@code
 * out-of-range} before anything is sent.
 */
final class OpcUaValues {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private OpcUaValues() {}

    /** The reading of a property from what the server returned. */
    static Reading toReading(OpcUaProperty property, DataValue dataValue, Instant now) {
        String name = property.name();
        StatusCode status = dataValue.statusCode() == null ? StatusCode.GOOD : dataValue.statusCode();
        if (status.isBad()) {
            return Reading.error(name, "OPC UA status " + describe(status) + " for " + property.nodeId(), now);
        }
        Object raw = dataValue.value() == null ? null : dataValue.value().value();
        Instant sourceTime = timeOf(dataValue).orElse(now);
        return switch (fromOpcUa(property, raw)) {
            case Conversion.Failed failed ->
                Reading.error(name, "node " + property.nodeId().toParseableString() + ": " + failed.reason(), now);
            case Conversion.Converted converted ->
                status.isUncertain()
                        ? Reading.stale(name, converted.value(), sourceTime, "OPC UA status " + describe(status))
                        : Reading.good(name, converted.value(), sourceTime);
        };
    }

    /** A status code as its symbolic name, e.g. {@code Bad_NotWritable (0x803B0000)}. */
    static String describe(StatusCode status) {
        String hex = String.format("0x%08X", status.value());
        return StatusCodes.lookup(status.value())
                .map(names -> names[0] + " (" + hex + ")")
                .orElse(hex);
    }

    private static Optional<Instant> timeOf(DataValue dataValue) {
        for (DateTime time : new DateTime[] {dataValue.sourceTime(), dataValue.serverTime()}) {
            if (time != null && time.isValid() && !time.isNull()) {
                return Optional.of(time.getJavaInstant());
            }
        }
        return Optional.empty();
    }

    /** Converts a value the server returned into the property's type (constraints are not checked). */
    static Conversion fromOpcUa(OpcUaProperty property, Object raw) {
        PropertyBinding binding = property.binding();
        if (raw == null) {
            return failed(Conversion.Failed.WRONG_TYPE, "the variable has no value (null)");
        }
        Optional<TypedValue> natural = natural(raw);
        if (natural.isEmpty()) {
            return failed(
                    Conversion.Failed.WRONG_TYPE,
                    "holds a " + raw.getClass().getSimpleName() + ", which property type " + binding.type()
                            + " cannot take");
        }
        TypedValue value = natural.get();
        if (binding.type() == PropertyType.ENUM && value instanceof TypedValue.IntValue(long code)) {
            int index = property.enumCodes().indexOf(code);
            if (index < 0) {
                return failed(
                        Conversion.Failed.OUT_OF_RANGE, "code " + code + " is not one of " + property.enumCodes());
            }
            value = new TypedValue.EnumValue(binding.constraints().symbols().get(index));
        }
        PropertyBinding unconstrained = new PropertyBinding(
                binding.name(),
                binding.type(),
                binding.access(),
                binding.visitor(),
                new ValueConstraints(
                        Optional.empty(),
                        Optional.empty(),
                        binding.constraints().symbols()));
        return Values.coerce(unconstrained, value);
    }

    private static Optional<TypedValue> natural(Object raw) {
        return switch (raw) {
            case Boolean b -> Optional.of(new TypedValue.BoolValue(b));
            case Byte n -> Optional.of(new TypedValue.IntValue(n));
            case Short n -> Optional.of(new TypedValue.IntValue(n));
            case Integer n -> Optional.of(new TypedValue.IntValue(n));
            case Long n -> Optional.of(new TypedValue.IntValue(n));
            case ULong n ->
                n.toBigInteger().compareTo(LONG_MAX) <= 0
                        ? Optional.of(new TypedValue.IntValue(n.longValue()))
                        : Optional.empty();
            case UNumber n -> Optional.of(new TypedValue.IntValue(n.longValue()));
            case Float f -> Float.isFinite(f) ? Optional.of(new TypedValue.FloatValue(f)) : Optional.empty();
            case Double d -> Double.isFinite(d) ? Optional.of(new TypedValue.DoubleValue(d)) : Optional.empty();
            case String s -> Optional.of(new TypedValue.StringValue(s));
            case LocalizedText t -> Optional.ofNullable(t.text()).map(TypedValue.StringValue::new);
            default -> Optional.empty();
        };
    }

    /** What a write sends: the variant, or why it cannot be sent. */
    sealed interface Outgoing {
        record Send(Variant variant) implements Outgoing {}

        record Refuse(WriteResult.Refused refusal) implements Outgoing {}
    }

    /**
     * The variant that writes {@code value} to a variable of data type {@code dataType}. A data type
     * that is not built in (an enumeration type, say) takes an Int32 code for ENUM properties.
     */
    static Outgoing toOpcUa(OpcUaProperty property, TypedValue value, NodeId dataType) {
        OpcUaDataType type = OpcUaDataType.fromNodeId(dataType);
        if (value instanceof TypedValue.EnumValue(String symbol)) {
            int index = property.binding().constraints().symbols().indexOf(symbol);
            long code = index < 0 || index >= property.enumCodes().size()
                    ? 0
                    : property.enumCodes().get(index);
            if (type == OpcUaDataType.String) {
                return new Outgoing.Send(Variant.ofString(symbol));
            }
            return integer(property, code, type == null ? OpcUaDataType.Int32 : type);
        }
        if (type == null) {
            return wrongType(property, "a variable of data type " + dataType.toParseableString());
        }
        return switch (value) {
            case TypedValue.IntValue(long v) -> integer(property, v, type);
            case TypedValue.FloatValue(float v) ->
                switch (type) {
                    case Float -> new Outgoing.Send(Variant.ofFloat(v));
                    case Double -> new Outgoing.Send(Variant.ofDouble(Double.parseDouble(Float.toString(v))));
                    default -> wrongType(property, "an " + type + " variable");
                };
            case TypedValue.DoubleValue(double v) ->
                switch (type) {
                    case Double -> new Outgoing.Send(Variant.ofDouble(v));
                    case Float ->
                        Float.isFinite((float) v)
                                ? new Outgoing.Send(Variant.ofFloat((float) v))
                                : outOfRange(property, Double.toString(v), type);
                    default -> wrongType(property, "an " + type + " variable");
                };
            case TypedValue.BoolValue(boolean v) ->
                type == OpcUaDataType.Boolean
                        ? new Outgoing.Send(Variant.ofBoolean(v))
                        : wrongType(property, "an " + type + " variable");
            case TypedValue.StringValue(String v) ->
                switch (type) {
                    case String -> new Outgoing.Send(Variant.ofString(v));
                    case LocalizedText -> new Outgoing.Send(Variant.ofLocalizedText(LocalizedText.english(v)));
                    default -> wrongType(property, "an " + type + " variable");
                };
            case TypedValue.EnumValue ignored -> throw new IllegalStateException("handled above");
        };
    }

    private static Outgoing integer(OpcUaProperty property, long v, OpcUaDataType type) {
        String text = Long.toString(v);
        return switch (type) {
            case SByte ->
                v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE
                        ? new Outgoing.Send(Variant.ofSByte((byte) v))
                        : outOfRange(property, text, type);
            case Byte ->
                v >= 0 && v <= 0xFF
                        ? new Outgoing.Send(Variant.ofByte(UByte.valueOf(v)))
                        : outOfRange(property, text, type);
            case Int16 ->
                v >= Short.MIN_VALUE && v <= Short.MAX_VALUE
                        ? new Outgoing.Send(Variant.ofInt16((short) v))
                        : outOfRange(property, text, type);
            case UInt16 ->
                v >= 0 && v <= 0xFFFF
                        ? new Outgoing.Send(Variant.ofUInt16(UShort.valueOf((int) v)))
                        : outOfRange(property, text, type);
            case Int32 ->
                v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE
                        ? new Outgoing.Send(Variant.ofInt32((int) v))
                        : outOfRange(property, text, type);
            case UInt32 ->
                v >= 0 && v <= 0xFFFF_FFFFL
                        ? new Outgoing.Send(Variant.ofUInt32(UInteger.valueOf(v)))
                        : outOfRange(property, text, type);
            case Int64 -> new Outgoing.Send(Variant.ofInt64(v));
            case UInt64 ->
                v >= 0 ? new Outgoing.Send(Variant.ofUInt64(ULong.valueOf(v))) : outOfRange(property, text, type);
            case Float -> new Outgoing.Send(Variant.ofFloat(v));
            case Double -> new Outgoing.Send(Variant.ofDouble(v));
            default -> wrongType(property, "an " + type + " variable");
        };
    }

    private static Outgoing outOfRange(OpcUaProperty property, String value, OpcUaDataType type) {
        return new Outgoing.Refuse(new WriteResult.Refused(
                WriteResult.Refused.OUT_OF_RANGE,
                "property '" + property.name() + "': " + value + " does not fit the " + type + " variable "
                        + property.nodeId().toParseableString()));
    }

    private static Outgoing wrongType(OpcUaProperty property, String what) {
        return new Outgoing.Refuse(new WriteResult.Refused(
                WriteResult.Refused.WRONG_TYPE,
                "property '" + property.name() + "' is " + property.binding().type() + " but "
                        + property.nodeId().toParseableString() + " is " + what));
    }

    private static Conversion failed(String code, String reason) {
        return new Conversion.Failed(code, reason);
    }
}
