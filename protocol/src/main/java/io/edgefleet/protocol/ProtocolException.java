package io.edgefleet.protocol;

/**
 * The protocol module's one exception: input that breaks the wire contract. {@link #code()} is
 * stable and safe to put in metrics and logs; the message never echoes more than a short prefix of
 * the offending input.
 */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public ProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    public ProtocolException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
