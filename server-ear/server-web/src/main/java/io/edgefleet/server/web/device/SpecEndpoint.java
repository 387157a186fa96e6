package io.edgefleet.server.web.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Responses of the spec resources: the ETag is the resource's {@code metadata.resourceVersion}. */
final class SpecEndpoint {
    private SpecEndpoint() {}

    static Response created(UriInfo uri, ObjectNode view) {
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(view.path("metadata").path("name").asText())
                        .build())
                .entity(view)
                .header(
                        HttpHeaders.ETAG,
                        etag(view.path("metadata").path("resourceVersion").asLong()))
                .build();
    }

    static Response ok(ObjectNode view) {
        return Response.ok(view)
                .header(
                        HttpHeaders.ETAG,
                        etag(view.path("metadata").path("resourceVersion").asLong()))
                .build();
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
