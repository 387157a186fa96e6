package io.edgefleet.desktop.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The REST calls of the desktop, all under {@code /api/v1}. Blocking: call them off the FX thread (the
 * view-models do, through {@link io.edgefleet.desktop.ui.Dispatch}). An answer is {@link ApiAnswer};
 * no answer at all is {@link ServerUnreachableException}.
 */
public interface FleetClient {

    ApiAnswer get(String path);

    /**
     * A write: {@code method} POST, PUT or PATCH with a JSON body of {@code contentType}, or DELETE
     * with none; {@code ifMatch} the ETag the change is based on.
     */
    ApiAnswer send(String method, String path, Optional<JsonNode> body, String contentType, Optional<String> ifMatch);

    /** Where the calls go (for the window title and the watch feeds). */
    ServerAddress address();
}
