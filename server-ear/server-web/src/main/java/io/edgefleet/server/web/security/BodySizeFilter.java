package io.edgefleet.server.web.security;

import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.web.json.RestJson;
import io.edgefleet.server.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a declared body over 1 MiB before anything else runs. Bodies without Content-Length
 * (chunked) are limited while they are read, by the JSON provider. Artifact uploads ({@code POST
 * /artifacts}) are exempt: they are streamed, never held in memory, and limited by their own setting.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (isArtifactUpload(request)) {
            // Artifacts stream into the database in chunks and have their own limit (FLEET_ARTIFACT_MAX_MB).
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            request.abortWith(Problems.response(ProblemCode.INVALID_REQUEST, "Content-Length is not a number"));
            return;
        }
        if (declared > RestJson.MAX_BODY_BYTES) {
            request.abortWith(Problems.response(
                    ProblemCode.PAYLOAD_TOO_LARGE,
                    "the request body is larger than " + RestJson.MAX_BODY_BYTES + " bytes"));
        }
    }

    static boolean isArtifactUpload(ContainerRequestContext request) {
        String normalized = request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
        return HttpMethod.POST.equals(request.getMethod()) && normalized.equals("artifacts");
    }
}
