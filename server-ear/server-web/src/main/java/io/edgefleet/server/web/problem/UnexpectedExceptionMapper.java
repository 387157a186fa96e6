package io.edgefleet.server.web.problem;

import io.edgefleet.protocol.ProtocolException;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything else. Interceptors and the container wrap exceptions (transactions, EJB, persistence),
 * so the cause chain is searched for a domain problem first; lock timeouts and constraint races become
 * retryable answers; anything truly unexpected is a 500 whose detail carries an id to find the logged
 * stack trace, never the stack trace itself.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable error) {
        Throwable e = error;
        // Bounded: a cause chain that loops must not hang the request.
        for (int depth = 0; depth < 32 && e != null; depth++, e = e.getCause()) {
            if (e instanceof FleetException fleet) {
                return Problems.response(fleet);
            }
            if (e instanceof ProtocolException protocol) {
                return Problems.response(Problem.from(protocol));
            }
            if (e instanceof WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponse(web);
            }
            if (e instanceof PessimisticLockException || e instanceof LockTimeoutException) {
                return Problems.response(ProblemCode.UNAVAILABLE, "the resource is busy; retry");
            }
            if (e.getClass().getName().equals("org.hibernate.exception.ConstraintViolationException")) {
                return Problems.response(ProblemCode.CONFLICT, "a concurrent request changed the same resource; retry");
            }
        }
        String id = UUID.randomUUID().toString();
        LOG.error("EF1999 unexpected error {}", id, error);
        return Problems.response(ProblemCode.INTERNAL_ERROR, "unexpected error " + id + " (see the server log)");
    }
}
