package dev.shop.common.web;

/**
 * Thrown where a request cannot go on; {@link ProblemExceptionHandler} turns
 * it into its problem+json response. Stack traces are not filled in: this is
 * an expected outcome, not a fault.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
