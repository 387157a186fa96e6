package io.edgefleet.desktop.api;

/** A refusal where the caller expected success (a read that should work); carries the problem. */
public final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ApiProblem problem;

    public RefusedException(ApiProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
