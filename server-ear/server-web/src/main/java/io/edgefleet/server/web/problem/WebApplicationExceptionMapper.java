package io.edgefleet.server.web.problem;

import io.edgefleet.server.problem.ProblemCode;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What JAX-RS itself refuses (unknown path 404, wrong method 405, unsupported media type 415, not
 * acceptable 406) as problem+json, keeping the Allow header of a 405.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ProblemCode code = ProblemCode.forStatus(status);
        String detail =
                switch (code) {
                    case NOT_FOUND -> "no resource at this path";
                    case METHOD_NOT_ALLOWED -> "this resource does not support the method";
                    case UNSUPPORTED_MEDIA_TYPE -> "this resource does not accept the request's Content-Type";
                    case NOT_ACCEPTABLE -> "this resource cannot answer in a type the Accept header allows";
                    default -> code.title();
                };
        Response problem = Problems.response(code, detail);
        if (e instanceof NotAllowedException) {
            Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
            if (allow != null) {
                return Response.fromResponse(problem)
                        .header(HttpHeaders.ALLOW, allow)
                        .build();
            }
        }
        if (code == ProblemCode.INTERNAL_ERROR) {
            return Response.fromResponse(problem).status(status).build();
        }
        return problem;
    }
}
