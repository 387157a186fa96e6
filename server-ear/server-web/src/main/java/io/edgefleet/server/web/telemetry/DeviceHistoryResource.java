package io.edgefleet.server.web.telemetry;

import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.security.Permission;
import io.edgefleet.server.telemetry.HistoryAnswer;
import io.edgefleet.server.telemetry.HistoryQuery;
import io.edgefleet.server.telemetry.ReadingHistory;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.Callers;
import io.edgefleet.server.web.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/**
 * {@code GET /api/v1/devices/{name}/history}: the reported readings of one device property, raw or
 * downsampled. A root resource of its own (the longer literal path wins over a {@code devices}
 * resource), so it does not depend on the device API.
 */
@Path("devices/{name}/history")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "telemetry", description = "History of the readings devices reported")
public class DeviceHistoryResource {
    @Inject
    ReadingHistory history;

    @Context
    SecurityContext security;

    @GET
    @RequiresPermission(Permission.READ)
    @Operation(
            summary = "Read a device property's history",
            description = "Readings with from <= sourceTime < to, kept for FLEET_READING_RETENTION_HOURS. Without"
                    + " step: the raw readings in source-time order, at most limit per page, metadata.continue when"
                    + " more follow. With step: buckets [start, start + step) with count, min, max, avg (numeric"
                    + " values; booleans as 1/0; absent for strings only) and last (the newest value); buckets"
                    + " without readings are left out; at most 10,000 buckets.")
    @APIResponse(
            responseCode = "200",
            description = "Raw readings (no step) or buckets (step)",
            content =
                    @Content(
                            mediaType = ApiResponses.JSON,
                            schema = @Schema(oneOf = {HistoryAnswer.Points.class, HistoryAnswer.Downsampled.class})))
    @APIResponse(
            responseCode = "400",
            description = "invalid-request: property missing, from/to not ISO-8601 or from >= to, step below PT1S"
                    + " or more than 10,000 buckets, limit outside 1-10000; invalid-continue",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "not-found: the tenant has no such device",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public HistoryAnswer history(
            @PathParam("name") String name,
            @Parameter(description = "The property, e.g. temperature", required = true) @QueryParam("property")
                    String property,
            @Parameter(
                            description = "Start (inclusive), ISO-8601 with zone, e.g. 2025-01-31T12:00:00Z",
                            required = true)
                    @QueryParam("from")
                    String from,
            @Parameter(description = "End (exclusive), ISO-8601 with zone", required = true) @QueryParam("to")
                    String to,
            @Parameter(description = "Bucket width, ISO-8601 duration of at least PT1S, e.g. PT1M") @QueryParam("step")
                    String step,
            @Parameter(description = "Raw readings per page, 1 to 10000 (default 1000)") @QueryParam("limit")
                    String limit,
            @Parameter(description = "metadata.continue of the previous page of raw readings") @QueryParam("continue")
                    String continueToken) {
        HistoryQuery query = HistoryQuery.parse(
                name,
                new HistoryQuery.Parameters(
                        Optional.ofNullable(property),
                        Optional.ofNullable(from),
                        Optional.ofNullable(to),
                        Optional.ofNullable(step),
                        Optional.ofNullable(limit),
                        Optional.ofNullable(continueToken)));
        return history.read(Callers.of(security).tenant(), query);
    }
}
