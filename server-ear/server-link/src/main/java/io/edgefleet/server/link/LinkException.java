package io.edgefleet.server.link;

/**
 * The link module's one exception family: a binding or the embedded broker could not be set up or
 * started. Carries a stable {@link #code()}, the HTTP status an API would answer with, and a {@link
 * #hint()} that tells an operator what to do. Messages never contain passwords.
 */
public class LinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int httpStatus;
    private final String hint;

    public LinkException(String code, int httpStatus, String message, String hint, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.hint = hint;
    }

    public LinkException(String code, int httpStatus, String message, String hint) {
        this(code, httpStatus, message, hint, null);
    }

    /** Stable, for logs and metrics: {@code link-tls-config}, {@code broker-start-failed}, … */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String hint() {
        return hint;
    }
}
