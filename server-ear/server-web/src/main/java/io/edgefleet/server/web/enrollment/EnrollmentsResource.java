package io.edgefleet.server.web.enrollment;

import io.edgefleet.server.enrollment.Enrollment;
import io.edgefleet.server.enrollment.EnrollmentRequest;
import io.edgefleet.server.enrollment.Enrollments;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.web.ApiResponses;
import io.edgefleet.server.web.security.PublicEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/enrollments}: an edge node trades a one-time token for its MQTT identity. */
@Path("enrollments")
@RequestScoped
@Produces(ApiResponses.JSON)
@Tag(name = "enrollment")
public class EnrollmentsResource {
    @Inject
    Enrollments enrollments;

    @POST
    @Consumes(ApiResponses.JSON)
    @PublicEndpoint
    @SecurityRequirements
    @Operation(
            summary = "Enroll an edge node",
            description = "No HTTP authentication: the one-time token is the credential. The password in the"
                    + " answer is shown once.")
    @APIResponse(
            responseCode = "201",
            description = "Enrolled",
            content = @Content(mediaType = ApiResponses.JSON, schema = @Schema(implementation = Enrollment.class)))
    @APIResponse(
            responseCode = "401",
            description = "enrollment-token-invalid",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "enrollment-token-used or node-exists",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "enrollment-token-expired",
            content = @Content(mediaType = ApiResponses.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response enroll(EnrollmentRequest request) {
        Enrollment enrollment = enrollments.enroll(request);
        return Response.status(Response.Status.CREATED)
                .entity(enrollment)
                .header("Cache-Control", "no-store")
                .build();
    }
}
