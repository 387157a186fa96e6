package io.edgefleet.server.web.problem;

import io.edgefleet.server.problem.FleetException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The domain's exceptions as problem+json. */
@Provider
public class FleetExceptionMapper implements ExceptionMapper<FleetException> {
    @Override
    public Response toResponse(FleetException e) {
        return Problems.response(e);
    }
}
