package io.edgefleet.server.web.artifact;

import io.edgefleet.server.artifact.Artifact;
import io.edgefleet.server.artifact.ArtifactList;
import io.edgefleet.server.artifact.Artifacts;
import io.edgefleet.server.artifact.ByteRange;
import io.edgefleet.server.artifact.StoredArtifact;
import io.edgefleet.server.artifact.UploadOutcome;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.PageLimit;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.Permission;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.problem.Problems;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.NodeReadable;
import io.edgefleet.server.web.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/artifacts}: content-addressed binaries. Uploads stream into the database in chunks;
 * downloads stream out of it with Range support, so edges resume. Edge nodes may read metadata and
 * content with their own credentials ({@link NodeReadable}), nothing else.
 */
@Path("artifacts")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "artifacts")
public class ArtifactsResource {
    private static final String OCTET_STREAM = "application/octet-stream";

    @Inject
    Artifacts artifacts;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(OCTET_STREAM)
    @RequiresPermission(Permission.DEPLOY)
    @Operation(
            summary = "Upload an artifact",
            description = "The body is the content, streamed (never held in memory), at most FLEET_ARTIFACT_MAX_MB"
                    + " MiB. Optionally name the expected SHA-256 as ?sha256=<hex> or in Repr-Digest/Content-Digest"
                    + " (sha-256=:<base64>:) or Digest (SHA-256=<base64>). The same content again answers 200 with"
                    + " the artifact already stored.")
    @APIResponse(
            responseCode = "201",
            description = "Stored; Location names it",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Artifact.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same content was stored before",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Artifact.class)))
    @APIResponse(
            responseCode = "413",
            description = "artifact-too-large: nothing was kept",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "digest-mismatch: nothing was kept",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response upload(
            @Parameter(description = "Name for people, e.g. the program's name", required = true) @QueryParam("name")
                    String name,
            @Parameter(description = "Expected SHA-256, lower-case hex") @QueryParam("sha256") String sha256,
            @HeaderParam("Repr-Digest") String reprDigest,
            @HeaderParam("Content-Digest") String contentDigest,
            @HeaderParam("Digest") String digest,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            InputStream body) {
        Caller caller = Callers.of(security);
        Optional<String> expected = ExpectedDigest.of(
                Optional.ofNullable(sha256),
                Optional.ofNullable(reprDigest),
                Optional.ofNullable(contentDigest),
                Optional.ofNullable(digest));
        UploadOutcome outcome = artifacts.upload(
                caller.tenant(),
                caller.username(),
                name == null ? "" : name,
                body,
                expected,
                declaredLength(contentLength));
        Artifact artifact = outcome.artifact();
        Response.ResponseBuilder response = outcome instanceof UploadOutcome.Created
                ? Response.created(uriInfo.getBaseUriBuilder()
                        .path("artifacts")
                        .path(artifact.sha256())
                        .build())
                : Response.ok();
        return response.entity(artifact)
                .header(HttpHeaders.ETAG, artifact.etag())
                .build();
    }

    @GET
    @RequiresPermission(Permission.READ)
    @Operation(summary = "List artifacts", description = "In sha256 order, paged by keyset.")
    @APIResponse(
            responseCode = "200",
            description = "A page of artifacts",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = ArtifactList.class)))
    public ArtifactList list(
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "metadata.continue of the previous page") @QueryParam("continue")
                    String continueToken) {
        return artifacts.list(
                Callers.of(security).tenant(), PageLimit.parse(limit), Optional.ofNullable(continueToken));
    }

    @GET
    @Path("{sha256}")
    @RequiresPermission(Permission.READ)
    @NodeReadable
    @Operation(summary = "Read an artifact's metadata", description = "ETag is the quoted sha256.")
    @APIResponse(
            responseCode = "200",
            description = "The artifact",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Artifact.class)))
    @APIResponse(
            responseCode = "404",
            description = "not-found",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("sha256") String sha256) {
        Artifact artifact = artifacts.get(Callers.tenantOf(security), sha256);
        return Response.ok(artifact).header(HttpHeaders.ETAG, artifact.etag()).build();
    }

    @GET
    @Path("{sha256}/content")
    @Produces({OCTET_STREAM, ApiResponses.PROBLEM})
    @RequiresPermission(Permission.READ)
    @NodeReadable
    @Operation(
            summary = "Download an artifact",
            description = "Streamed. Range: bytes=N- (also N-M, -N) answers 206 with Content-Range, so"
                    + " interrupted downloads resume; If-Range with another ETag answers everything.")
    @APIResponse(responseCode = "200", description = "The content")
    @APIResponse(responseCode = "206", description = "The requested range")
    @APIResponse(
            responseCode = "416",
            description = "range-not-satisfiable: Content-Range names the size",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response content(
            @PathParam("sha256") String sha256,
            @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange) {
        StoredArtifact stored = artifacts.stored(Callers.tenantOf(security), sha256);
        Artifact artifact = stored.artifact();
        long size = artifact.sizeBytes();
        Optional<String> rangeHeader = Optional.ofNullable(range)
                .filter(r -> ifRange == null || ifRange.strip().equals(artifact.etag()));
        ByteRange.Request request = ByteRange.parse(rangeHeader, size);
        if (request instanceof ByteRange.Unsatisfiable) {
            return Response.fromResponse(Problems.response(
                            ProblemCode.RANGE_NOT_SATISFIABLE,
                            "the artifact has " + size + " bytes; the range " + range + " starts at or after its end"))
                    .header("Content-Range", "bytes */" + size)
                    .build();
        }
        boolean partial = request instanceof ByteRange.Part;
        ByteRange bytes = request instanceof ByteRange.Part part ? part.range() : new ByteRange(0, size - 1);
        artifacts.metrics().download(partial);
        StreamingOutput stream = out -> {
            if (bytes.length() > 0) {
                artifacts.copy(stored, bytes, out);
            }
        };
        Response.ResponseBuilder response = Response.status(partial ? 206 : 200)
                .entity(stream)
                .type(OCTET_STREAM)
                .header(HttpHeaders.ETAG, artifact.etag())
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, Math.max(0, bytes.length()));
        if (partial) {
            response.header("Content-Range", bytes.contentRange(size));
        }
        return response.build();
    }

    @DELETE
    @Path("{sha256}")
    @RequiresPermission(Permission.DEPLOY)
    @Operation(summary = "Delete an artifact", description = "409 artifact-in-use while a workload runs it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "409",
            description = "artifact-in-use",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("sha256") String sha256) {
        Caller caller = Callers.of(security);
        artifacts.delete(caller.tenant(), sha256, caller.username());
        return Response.noContent().build();
    }

    private static OptionalLong declaredLength(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
