package io.edgefleet.server.web.topology;

import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The two forms of {@code GET /topology}: an object per node (the default, as every other answer of the
 * API), or an array per node laid out by a {@code columns} header, less than half the bytes and the
 * tokens, for clients that read 10,000 nodes at once (the desktop).
 */
enum TopologyRepresentation {
    OBJECTS(MediaType.APPLICATION_JSON),
    ROWS(TopologyJson.ROWS);

    private final String mediaType;

    TopologyRepresentation(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    /**
     * Rows only for a client that names their media type ahead of JSON (a higher q, or listed first at
     * the same q); a wildcard or plain {@code application/json} gets objects, so existing integrations
     * see no change.
     *
     * @param acceptable the Accept header's media types, most preferred first (JAX-RS sorts them)
     */
    static TopologyRepresentation chosenBy(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (quality(type) <= 0) {
                continue;
            }
            if (TopologyJson.ROWS.equalsIgnoreCase(type.getType() + "/" + type.getSubtype())) {
                return ROWS;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return OBJECTS;
            }
        }
        return OBJECTS;
    }

    private static double quality(MediaType type) {
        String q = type.getParameters().get("q");
        if (q == null) {
            return 1;
        }
        try {
            return Double.parseDouble(q);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
