package io.edgefleet.server.web.problem;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class Problems {
    public static final String REALM = "Basic realm=\"edgefleet\", charset=\"UTF-8\"";

    private Problems() {}

    public static Response response(FleetException e) {
        return response(e.problem(), e.detail());
    }

    public static Response response(ProblemCode code, String detail) {
        Response.ResponseBuilder builder =
                Response.status(code.status()).type(Problem.MEDIA_TYPE).entity(Problem.of(code, detail));
        if (code == ProblemCode.UNAUTHENTICATED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, REALM);
        }
        if (code == ProblemCode.UNAVAILABLE) {
            builder.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return builder.build();
    }
}
