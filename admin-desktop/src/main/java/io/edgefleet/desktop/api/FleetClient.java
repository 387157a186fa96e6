package io.edgefleet.desktop.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The REST calls of the desktop, all under {@code /api/v1}. Blocking: call them off the FX thread (the
 * view-models do, through {@link io.edgefleet.desktop.ui.Dispatch}). An answer is {@link ApiAnswer};
 * no answer at all is {@link ServerUnreachableException}.
 */
public interface FleetClient {

    ApiAnswer get(String path);

    /**
     * A GET of a large answer, read by {@code reader} as it arrives: no text copy, no JSON tree.
     * {@code accept} is the Accept header; the reader learns which media type the server chose. A
     * refusal throws {@link RefusedException}, no answer {@link ServerUnreachableException}, a body the
     * reader cannot read {@link IllegalArgumentException}.
     */
    <T> T read(String path, String accept, BodyReader<T> reader);

    /**
     * A write: {@code method} POST, PUT or PATCH with a JSON body of {@code contentType}, or DELETE
     * with none; {@code ifMatch} the ETag the change is based on.
     */
    ApiAnswer send(String method, String path, Optional<JsonNode> body, String contentType, Optional<String> ifMatch);

    /** Where the calls go (for the window title and the watch feeds). */
    ServerAddress address();

    /** Reads a successful answer's body; {@code mediaType} without parameters, e.g. {@code application/json}. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(String mediaType, InputStream body) throws IOException;
    }
}
