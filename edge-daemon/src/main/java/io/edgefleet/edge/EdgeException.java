package io.edgefleet.edge;

import java.util.Objects;

/**
 * The edge daemon's one exception family. Every error carries a stable {@link #code()} (for logs
 * and scripts), the HTTP status the local API will answer with, the process exit status the CLI
 * ends with, and a {@link #hint()} that tells the operator what to do. Messages and hints never
 * contain secrets.
 */
public class EdgeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit status for an invalid command line or configuration. */
    public static final int EXIT_USAGE = 2;
    /** Exit status when there is no store or the node is not enrolled. */
    public static final int EXIT_NOT_ENROLLED = 3;
    /** Exit status when the server refused the enrollment token; retrying will not help. */
    public static final int EXIT_ENROLLMENT_REFUSED = 4;
    /** Exit status for every other failure. */
    public static final int EXIT_FAILURE = 1;

    private final String code;
    private final int httpStatus;
    private final int exitStatus;
    private final String hint;

    public EdgeException(String code, int httpStatus, int exitStatus, String message, String hint) {
        this(code, httpStatus, exitStatus, message, hint, null);
    }

    public EdgeException(String code, int httpStatus, int exitStatus, String message, String hint, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.httpStatus = httpStatus;
        this.exitStatus = exitStatus;
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /** A setting is missing or wrong; the message names the key. */
    public static EdgeException config(String message, String hint) {
        return new EdgeException("config-invalid", 400, EXIT_USAGE, message, hint);
    }

    /** A setting is missing or wrong because of an underlying failure (a file that cannot be read). */
    public static EdgeException config(String message, String hint, Throwable cause) {
        return new EdgeException("config-invalid", 400, EXIT_USAGE, message, hint, cause);
    }

    /** The command line cannot be understood. */
    public static EdgeException usage(String message) {
        return new EdgeException("usage", 400, EXIT_USAGE, message, "run 'edgefleet-edge --help'");
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }

    public String hint() {
        return hint;
    }
}
