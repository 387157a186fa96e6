package io.edgefleet.server.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Jackson as the JAX-RS JSON provider, replacing Liberty's JSON-B, which silently ignores unknown
 * fields (docs/decisions/0001, decision 7). Reads at most 1 MiB and turns every parse problem into a
 * problem+json answer with a stable code.
 */
@Provider
@Priority(Priorities.USER)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/problem+json", "application/*+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    private static final ObjectMapper MAPPER = RestJson.newMapper();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    // The container owns the entity stream and closes it; closing our wrapper would be wrong.
    @SuppressWarnings("PMD.CloseResource")
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        PushbackInputStream in = new PushbackInputStream(new LimitedInputStream(entityStream, RestJson.MAX_BODY_BYTES));
        int first = in.read();
        if (first < 0) {
            throw new FleetException(ProblemCode.MALFORMED_JSON, "the request body is empty");
        }
        in.unread(first);
        JavaType javaType = MAPPER.getTypeFactory().constructType(genericType != null ? genericType : type);
        try {
            Object value = MAPPER.readValue(in, javaType);
            if (value == null) {
                throw new FleetException(ProblemCode.INVALID_TYPE, "the body must be a JSON object, not null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw JsonErrors.toProblem(e);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public void writeTo(
            Object value,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders,
            OutputStream entityStream)
            throws IOException {
        MAPPER.writeValue(new NonClosingOutputStream(entityStream), value);
    }

    private static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return false;
        }
        String subtype = mediaType.getSubtype();
        return "application".equals(mediaType.getType()) && ("json".equals(subtype) || subtype.endsWith("+json"));
    }

    private static boolean isRaw(Class<?> type) {
        return type == String.class
                || type == byte[].class
                || InputStream.class.isAssignableFrom(type)
                || jakarta.ws.rs.core.StreamingOutput.class.isAssignableFrom(type);
    }

    /** Jackson closes the stream it writes to; the container owns the response stream. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
