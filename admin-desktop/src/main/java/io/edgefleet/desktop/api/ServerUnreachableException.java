package io.edgefleet.desktop.api;

/** The server did not answer at all (connection refused, timeout, TLS failure). */
public final class ServerUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
