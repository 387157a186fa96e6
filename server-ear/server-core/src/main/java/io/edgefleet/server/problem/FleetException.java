package io.edgefleet.server.problem;

import java.util.Objects;

/**
 * The server's one exception family. Carries a {@link ProblemCode} (stable code, HTTP status, hint)
 * and a detail for a person. The detail never contains secrets (passwords, tokens); the REST layer
 * turns it into problem+json.
 */
public class FleetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ProblemCode problem;

    public FleetException(ProblemCode problem, String detail) {
        super(detail);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public FleetException(ProblemCode problem, String detail, Throwable cause) {
        super(detail, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public ProblemCode problem() {
        return problem;
    }

    public String code() {
        return problem.code();
    }

    public int status() {
        return problem.status();
    }

    public String hint() {
        return problem.hint();
    }

    public String detail() {
        return getMessage();
    }

    public static FleetException notFound(String what) {
        return new FleetException(ProblemCode.NOT_FOUND, what + " does not exist");
    }
}
