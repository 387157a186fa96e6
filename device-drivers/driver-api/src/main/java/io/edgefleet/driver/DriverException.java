package io.edgefleet.driver;

import java.util.List;
import java.util.Objects;

/**
 * The driver family's one exception, for conditions that stop a call as a whole: a device that
 * cannot be reached, a configuration that cannot be used, a misuse such as reading a closed
 * session. Per-property failures are never exceptions (see {@link Reading} and {@link
 * WriteResult}).
 *
 * <p>{@link #code()} is stable and safe for metrics, logs and problem+json {@code code} members;
 * {@link #httpStatus()} is what the edge's local API answers with; {@link #hint()} tells a person
 * what to do. Messages and hints never contain secrets. Drivers add codes of their own (lower-case
 * with dashes) through the public constructors.
 */
public class DriverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The peer cannot be reached or refused the connection (HTTP 502). */
    public static final String UNREACHABLE = "unreachable";
    /** The peer did not answer within the timeout (HTTP 504). */
    public static final String TIMEOUT = "timeout";
    /** The device's configuration has problems; the message lists them (HTTP 422). */
    public static final String INVALID_CONFIG = "invalid-config";
    /** The session was used after {@link DriverSession#close()}: a bug in the caller (HTTP 500). */
    public static final String SESSION_CLOSED = "session-closed";
    /** No installed driver speaks the device's protocol (HTTP 422). */
    public static final String UNKNOWN_PROTOCOL = "unknown-protocol";
    /** Two installed drivers claim the same protocol (HTTP 500). */
    public static final String DUPLICATE_PROTOCOL = "duplicate-protocol";
    /** A driver could not be loaded or does not follow the SPI (HTTP 500). */
    public static final String DRIVER_LOAD_FAILED = "driver-load-failed";
    /** A value could not be converted to the property's type or range (HTTP 400). */
    public static final String INVALID_VALUE = "invalid-value";

    private final String code;
    private final int httpStatus;
    private final String hint;

    public DriverException(String code, int httpStatus, String message, String hint) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.httpStatus = httpStatus;
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    public DriverException(String code, int httpStatus, String message, String hint, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.httpStatus = httpStatus;
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /** The device cannot be reached; {@code detail} says how it failed (no secrets). */
    public static DriverException unreachable(String device, String detail, Throwable cause) {
        return new DriverException(
                UNREACHABLE,
                502,
                "device '" + device + "' cannot be reached: " + detail,
                "Check that the device is powered and wired, and the address and port in its connection config.",
                cause);
    }

    /** The device cannot be reached; {@code detail} says how it failed (no secrets). */
    public static DriverException unreachable(String device, String detail) {
        return new DriverException(
                UNREACHABLE,
                502,
                "device '" + device + "' cannot be reached: " + detail,
                "Check that the device is powered and wired, and the address and port in its connection config.");
    }

    /** The device did not answer within {@code what}'s timeout. */
    public static DriverException timeout(String device, String what) {
        return new DriverException(
                TIMEOUT,
                504,
                "device '" + device + "' did not answer in time: " + what,
                "Check the device's load and network, or raise the device's timeouts.");
    }

    /** The configuration has problems, listed in the message. */
    public static DriverException invalidConfig(String device, List<String> problems) {
        return new DriverException(
                INVALID_CONFIG,
                422,
                "device '" + device + "' has an invalid configuration: " + String.join("; ", problems),
                "Fix the listed settings of the device (connection config and property visitors).");
    }

    /** The session was used after it was closed. */
    public static DriverException sessionClosed(String device) {
        return new DriverException(
                SESSION_CLOSED,
                500,
                "the session to device '" + device + "' is closed",
                "Open a new session; a closed session cannot be reused.");
    }

    /** A stable code: {@code unreachable}, {@code invalid-config}, … */
    public String code() {
        return code;
    }

    /** The HTTP status the edge's local API answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** What a person can do about it. */
    public String hint() {
        return hint;
    }
}
