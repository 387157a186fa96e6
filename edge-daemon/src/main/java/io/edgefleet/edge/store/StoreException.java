package io.edgefleet.edge.store;

import io.edgefleet.edge.EdgeException;

/** A store operation failed (disk, permissions, SQLite). Part of the {@link EdgeException} family. */
public class StoreException extends EdgeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(
                "store-failed",
                500,
                EXIT_FAILURE,
                message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                "check that the data directory is writable and the disk is not full",
                cause);
    }

    public StoreException(String code, String message, String hint) {
        super(code, 500, EXIT_FAILURE, message, hint);
    }
}
