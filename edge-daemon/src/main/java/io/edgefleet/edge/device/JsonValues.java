package io.edgefleet.edge.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.driver.Conversion;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.Values;
import io.edgefleet.edge.store.StoreException;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.protocol.device.ValueQuality;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Values between the driver SPI ({@link TypedValue}) and the wire and store (JSON values typed by
 * the model). Numbers compare as numbers, so a FLOAT read back as 21.5 equals a desired 21.5 given
 * as a JSON double.
 */
public final class JsonValues {
    /** The mapper for device specs, rules and values in the store: the protocol's own settings. */
    public static final ObjectMapper MAPPER = ProtocolCodec.newMapper(1 << 20);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    /** The JSON form of a device value; a FLOAT keeps its decimal text (0.1f is 0.1, not 0.100000001). */
    public static JsonNode toJson(TypedValue value) {
        return switch (value) {
            case TypedValue.IntValue(long v) -> NODES.numberNode(v);
            case TypedValue.FloatValue(float v) -> NODES.numberNode(new BigDecimal(Float.toString(v)));
            case TypedValue.DoubleValue(double v) -> NODES.numberNode(v);
            case TypedValue.BoolValue(boolean v) -> NODES.booleanNode(v);
            case TypedValue.StringValue(String v) -> NODES.textNode(v);
            case TypedValue.EnumValue(String symbol) -> NODES.textNode(symbol);
        };
    }

    /**
     * A JSON value as a value of the property: the JSON type picks the value record, then {@link
     * Values#coerce} converts without loss and checks range and symbols.
     */
    public static Conversion toTyped(PropertyBinding binding, JsonNode json) {
        TypedValue raw;
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            raw = TypedValue.of(json.longValue());
        } else if (json.isNumber()) {
            double d = json.doubleValue();
            if (!Double.isFinite(d)) {
                return new Conversion.Failed(Conversion.Failed.OUT_OF_RANGE, "'" + json + "' is not a finite number");
            }
            raw = TypedValue.of(d);
        } else if (json.isBoolean()) {
            raw = TypedValue.of(json.booleanValue());
        } else if (json.isTextual()) {
            raw = TypedValue.of(json.textValue());
        } else {
            return new Conversion.Failed(Conversion.Failed.WRONG_TYPE, "a value is a JSON number, boolean or string");
        }
        return Values.coerce(binding, raw);
    }

    /** Whether two JSON values mean the same device value (numbers by value, else exactly). */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** Whether two reported values differ in what an operator sees (value, quality, error; not the time). */
    public static boolean changed(Optional<ReportedValue> before, ReportedValue now) {
        if (before.isEmpty()) {
            return true;
        }
        ReportedValue b = before.get();
        boolean sameValue = b.value().isPresent() == now.value().isPresent()
                && (b.value().isEmpty() || same(b.value().get(), now.value().get()));
        return !sameValue || b.quality() != now.quality() || !b.error().equals(now.error());
    }

    /** A driver reading as the twin's reported value. */
    public static ReportedValue reported(Reading reading) {
        return new ReportedValue(
                reading.property(),
                reading.value().map(JsonValues::toJson),
                quality(reading.quality()),
                reading.sourceTime(),
                reading.error());
    }

    public static ValueQuality quality(Quality quality) {
        return switch (quality) {
            case GOOD -> ValueQuality.GOOD;
            case STALE -> ValueQuality.STALE;
            case ERROR -> ValueQuality.ERROR;
        };
    }

    /** JSON text for a store column. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** A JSON value from a store column. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot decode stored JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A record from a store column. */
    public static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException(
                    "cannot decode a stored " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
