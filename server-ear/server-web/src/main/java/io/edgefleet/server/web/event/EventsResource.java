package io.edgefleet.server.web.event;

import io.edgefleet.server.event.EventList;
import io.edgefleet.server.event.EventQuery;
import io.edgefleet.server.event.EventType;
import io.edgefleet.server.event.Events;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.PageLimit;
import io.edgefleet.server.security.Permission;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/events}: a filtered page of the tenant's events, newest first. */
@Path("events")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "events")
public class EventsResource {
    @Inject
    Events events;

    @Context
    SecurityContext security;

    @GET
    @RequiresPermission(Permission.READ)
    @Operation(
            summary = "List events",
            description = "Newest first; every filter is optional and they combine. The next page: before ="
                    + " the previous page's nextBefore. Live: watch /watch/events from resourceVersion.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = EventList.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "invalid-request: a type other than Normal or Warning, a limit or before that is not a number",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public EventList list(
            @Parameter(description = "Events of this node") @QueryParam("node") String node,
            @Parameter(description = "Events about this kind: Node, Workload, Device, DeviceModel, Rule, Twin")
                    @QueryParam("involvedKind")
                    String involvedKind,
            @Parameter(description = "Events about the resource of this name") @QueryParam("involvedName")
                    String involvedName,
            @Parameter(description = "Normal or Warning") @QueryParam("type") String type,
            @Parameter(description = "e.g. NodeOffline, WorkloadFailed, DeviceOffline, Created") @QueryParam("reason")
                    String reason,
            @Parameter(description = "Only events older than this id (paging)") @QueryParam("before") String before,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit) {
        EventQuery query = new EventQuery(
                text(node),
                text(involvedKind),
                text(involvedName),
                text(type).map(EventsResource::type),
                text(reason),
                text(before).map(EventsResource::before),
                PageLimit.parse(limit));
        return events.list(Callers.of(security).tenant(), query);
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static EventType type(String value) {
        return EventType.fromWireName(value)
                .orElseThrow(() -> new FleetException(
                        ProblemCode.INVALID_REQUEST, "type must be Normal or Warning, got '" + value + "'"));
    }

    private static long before(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "before must be a whole number", e);
        }
    }
}
