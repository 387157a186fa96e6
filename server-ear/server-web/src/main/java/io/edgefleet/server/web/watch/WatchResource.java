package io.edgefleet.server.web.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.security.Permission;
import io.edgefleet.server.watch.ResourceVersions;
import io.edgefleet.server.watch.WatchHub;
import io.edgefleet.server.watch.WatchKind;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.json.RestJson;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/watch/{kind}}: the changes of the caller's tenant as Server-Sent Events. */
@Path("watch")
@RequestScoped
@Tag(name = "watch")
public class WatchResource {
    private static final ObjectMapper JSON = RestJson.newMapper();

    @Inject
    WatchHub hub;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Context
    SecurityContext security;

    @GET
    @Path("{kind}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RequiresPermission(Permission.READ)
    @Operation(
            summary = "Watch changes",
            description = "Server-Sent Events. Each change: 'id' = its resourceVersion, 'event' = ADDED, MODIFIED"
                    + " or DELETED, 'data' = the resource's JSON after the change (the last state for DELETED)."
                    + " For workloads also 'event: instance' with the reported state of one instance (no id: GET"
                    + " the instances after resuming). A comment line every 15 s keeps the stream open. Resume"
                    + " with resourceVersion or the Last-Event-ID header (which wins): the changes after it are"
                    + " replayed, then the stream goes live; without either it starts at the current version.")
    @APIResponse(
            responseCode = "200",
            description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(
            responseCode = "400",
            description = "invalid-request: the resourceVersion or Last-Event-ID is not a whole number",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "not-found: no such kind",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "resource-version-too-old: list again and watch from the list's metadata.resourceVersion",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public void watch(
            @Parameter(description = "What to watch: workloads") @PathParam("kind") String kind,
            @Parameter(description = "Replay the changes after this version, then go live")
                    @QueryParam("resourceVersion")
                    String resourceVersion,
            @Parameter(description = "The id of the last event received; wins over resourceVersion")
                    @HeaderParam("Last-Event-ID")
                    String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        WatchKind watched =
                WatchKind.byPath(kind).orElseThrow(() -> FleetException.notFound("watch kind '" + kind + "'"));
        Optional<Long> from =
                ResourceVersions.from(Optional.ofNullable(resourceVersion), Optional.ofNullable(lastEventId));
        hub.subscribe(
                Callers.of(security).tenant(), watched, from, new SseWatchSink(sink, sse, JSON), executor, scheduler);
    }
}
