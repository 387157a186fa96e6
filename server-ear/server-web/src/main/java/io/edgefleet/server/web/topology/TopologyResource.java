package io.edgefleet.server.web.topology;

import io.edgefleet.server.security.Permission;
import io.edgefleet.server.topology.Topology;
import io.edgefleet.server.topology.TopologyReader;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/topology}: the tenant's sites, their nodes and each node's device states. Read in one
 * transaction before the first byte is written, then streamed as JSON in the representation the client
 * asked for, gzip-compressed when it accepts that (10,000 nodes are 1.9 MB of objects, 0.8 MB of rows,
 * about 50 KB either way compressed).
 */
@Path("topology")
@RequestScoped
@Tag(name = "topology")
public class TopologyResource {
    @Inject
    TopologyReader reader;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @GET
    @Produces({ApiResponses.JSON, TopologyJson.ROWS})
    @RequiresPermission(Permission.READ)
    @Operation(
            summary = "The fleet's topology",
            description = "Sites (a node's 'site' label; \"\" for nodes without one) in name order with their nodes"
                    + " in name order: phase, lastSeen, labels and how many devices are Online, Offline and Unknown."
                    + " Watch /watch/nodes, /watch/devices and /watch/events from its resourceVersion."
                    + " Two representations: application/json, an object per node; or, when the Accept header names"
                    + " it ahead of application/json, " + TopologyJson.ROWS + ", an array per node laid out as"
                    + " the answer's 'columns' name them (less than half the bytes, for clients reading large"
                    + " fleets at once). With Accept-Encoding: gzip the answer is gzip-compressed.")
    @APIResponse(
            responseCode = "200",
            description = "The topology",
            headers = @Header(name = "Content-Encoding", description = "gzip when the request accepted it"),
            content = {
                @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Topology.class)),
                @Content(mediaType = TopologyJson.ROWS, schema = @Schema(implementation = TopologyRows.class))
            })
    public Response get() {
        Topology topology = reader.read(Callers.of(security).tenant());
        TopologyRepresentation representation = TopologyRepresentation.chosenBy(headers.getAcceptableMediaTypes());
        boolean gzip = ContentCoding.acceptsGzip(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        StreamingOutput body = out -> {
            if (gzip) {
                GZIPOutputStream compressed = new FastGzip(out);
                TopologyJson.write(topology, representation, compressed);
                compressed.finish(); // not close(): the container owns the response stream
            } else {
                TopologyJson.write(topology, representation, out);
            }
        };
        Response.ResponseBuilder response =
                Response.ok(body, representation.mediaType()).header(HttpHeaders.VARY, "Accept, Accept-Encoding");
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.build();
    }

    /**
     * The fastest deflate level: the topology's repeated names and keys compress 20-fold even so, and
     * the answer should not wait on the compressor.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws java.io.IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
