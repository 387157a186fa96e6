package io.edgefleet.server.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.protocol.MessageBody;
import io.edgefleet.protocol.ProtocolCodec;

/** Command answers as {@link CommandAnswers} keeps them: the body in the protocol's own JSON. */
public final class AnswerJson {
    private static final ObjectMapper MAPPER = ProtocolCodec.newMapper(ProtocolCodec.DEFAULT_MAX_MESSAGE_BYTES);

    private AnswerJson() {}

    static String write(MessageBody body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decoded message body cannot be written again", e);
        }
    }

    /** The kept body as {@code type}; an {@link IllegalStateException} if it is not one. */
    public static <T extends MessageBody> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept answer is not a " + type.getSimpleName(), e);
        }
    }
}
