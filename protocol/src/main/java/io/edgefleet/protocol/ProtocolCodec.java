package io.edgefleet.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * JSON codec for {@link Envelope}s. Decoding never throws on bad input: whatever arrives from the
 * network becomes a {@link DecodeResult.Rejected} with a stable code. Limits keep a hostile peer
 * from spending our memory: message size, nesting depth, string and number lengths.
 *
 * <p>Wire form: {@code {"v":1,"id":"…","node":"…","seq":0,"ts":epochMillis,"kind":"…","body":{…}}}.
 * Unknown fields are ignored so that a newer peer can add fields without breaking an older one; a
 * change of meaning bumps {@code v}.
 */
public final class ProtocolCodec {

    /** Default upper bound for one message; a sync batch is split to stay below it. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024;

    private static final int MAX_NESTING_DEPTH = 32;
    private static final int MAX_ID_LENGTH = 64;

    private final ObjectMapper mapper;
    private final int maxMessageBytes;

    public ProtocolCodec() {
        this(DEFAULT_MAX_MESSAGE_BYTES);
    }

    public ProtocolCodec(int maxMessageBytes) {
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024");
        }
        this.maxMessageBytes = maxMessageBytes;
        this.mapper = newMapper(maxMessageBytes);
    }

    /**
     * The Jackson mapper configured the way the protocol needs it; also useful to callers that map
     * resource specs carried in {@link ResourceChange}s. Of java.time it knows {@link Instant} only, the
     * one time type in the protocol, with the JavaTimeModule's own (de)serializers, so the JSON is the
     * same: the whole module sets up about 70 classes for every java.time type, and each class loaded
     * costs resident memory on the edge PC (docs/architecture/edge-daemon.md).
     */
    public static ObjectMapper newMapper(int maxDocumentBytes) {
        SimpleModule instants = new SimpleModule("edgefleet-instant")
                .addSerializer(Instant.class, InstantSerializer.INSTANCE)
                .addDeserializer(Instant.class, InstantDeserializer.INSTANT);
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(instants)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxDocumentLength(maxDocumentBytes)
                        .maxStringLength(maxDocumentBytes)
                        .maxNumberLength(40)
                        .maxNameLength(256)
                        .build());
        return mapper;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public byte[] encode(Envelope envelope) {
        ObjectNode root = mapper.createObjectNode();
        root.put("v", envelope.version());
        root.put("id", envelope.messageId());
        root.put("node", envelope.node());
        if (envelope.seq() > 0) {
            root.put("seq", envelope.seq());
        }
        root.put("ts", envelope.timestamp().toEpochMilli());
        root.put("kind", envelope.kind().wireName());
        root.set("body", mapper.valueToTree(envelope.body()));
        try {
            byte[] bytes = mapper.writeValueAsBytes(root);
            if (bytes.length > maxMessageBytes) {
                throw new ProtocolException(
                        "too-large", "message of " + bytes.length + " bytes exceeds the limit of " + maxMessageBytes);
            }
            return bytes;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DecodeResult decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new DecodeResult.Rejected("malformed-json", "empty message");
        }
        if (bytes.length > maxMessageBytes) {
            return new DecodeResult.Rejected(
                    "too-large", "message of " + bytes.length + " bytes exceeds the limit of " + maxMessageBytes);
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            return new DecodeResult.Rejected("malformed-json", shortReason(e));
        }
        if (root == null || !root.isObject()) {
            return new DecodeResult.Rejected("malformed-json", "a message is a JSON object");
        }
        return decodeObject((ObjectNode) root);
    }

    private DecodeResult decodeObject(ObjectNode root) {
        JsonNode version = root.get("v");
        if (version == null || !version.isIntegralNumber()) {
            return invalid("field 'v' (protocol version) is missing or not an integer");
        }
        if (version.asLong() != Envelope.CURRENT_VERSION) {
            return new DecodeResult.Rejected(
                    "unsupported-version",
                    "protocol version " + version.asLong() + " is not supported; this peer speaks "
                            + Envelope.CURRENT_VERSION);
        }
        Optional<String> id = text(root, "id").filter(s -> !s.isEmpty() && s.length() <= MAX_ID_LENGTH);
        if (id.isEmpty()) {
            return invalid("field 'id' is missing, empty or longer than " + MAX_ID_LENGTH);
        }
        Optional<String> node = text(root, "node").filter(Names::isValid);
        if (node.isEmpty()) {
            return invalid("field 'node' is missing or not a valid name");
        }
        JsonNode seq = root.path("seq");
        if (!seq.isMissingNode() && !(seq.isIntegralNumber() && seq.canConvertToLong() && seq.asLong() >= 0)) {
            return invalid("field 'seq' must be a non-negative integer");
        }
        JsonNode ts = root.get("ts");
        if (ts == null || !ts.isIntegralNumber() || !ts.canConvertToLong()) {
            return invalid("field 'ts' (epoch milliseconds) is missing or not an integer");
        }
        Optional<String> kindName = text(root, "kind");
        if (kindName.isEmpty()) {
            return invalid("field 'kind' is missing");
        }
        Optional<MessageKind> kind = MessageKind.fromWireName(kindName.get());
        if (kind.isEmpty()) {
            return new DecodeResult.Rejected(
                    "unknown-kind", "kind '" + Names.abbreviate(kindName.get()) + "' is not known");
        }
        JsonNode bodyNode = root.get("body");
        if (bodyNode == null || bodyNode.getNodeType() != JsonNodeType.OBJECT) {
            return new DecodeResult.Rejected("invalid-body", "field 'body' is missing or not an object");
        }
        AddedFields.fillIn(kind.get(), (ObjectNode) bodyNode);
        MessageBody body;
        try {
            AbsentOptionals.fill(bodyNode, kind.get().bodyType());
            body = mapper.treeToValue(bodyNode, kind.get().bodyType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new DecodeResult.Rejected("invalid-body", kindName.get() + ": " + shortReason(e));
        }
        try {
            return new DecodeResult.Decoded(new Envelope(
                    (int) version.asLong(),
                    id.get(),
                    node.get(),
                    seq.asLong(0),
                    Instant.ofEpochMilli(ts.asLong()),
                    body));
        } catch (RuntimeException e) {
            return invalid(e.getMessage());
        }
    }

    private static Optional<String> text(ObjectNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static DecodeResult invalid(String reason) {
        return new DecodeResult.Rejected("invalid-envelope", reason);
    }

    /** First line of a parser message, without the echo of the source Jackson appends. */
    private static String shortReason(Exception e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() <= 200 ? first : first.substring(0, 197) + "...";
    }
}
