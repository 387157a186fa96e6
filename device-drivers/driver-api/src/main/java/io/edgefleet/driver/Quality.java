package io.edgefleet.driver;

/**
 * How far a {@link Reading}'s value can be trusted. The twin stores it as the reported value's
 * quality; rules act on {@link #GOOD} values only.
 */
public enum Quality {
    /** The device returned this value for this read; it is current as of the reading's source time. */
    GOOD,
    /**
     * The value is the last one the device or its server vouched for, but it could not be confirmed
     * as current: the peer says so itself (an OPC UA "last usable value" or "uncertain" status), or a
     * subscription's value was not refreshed within its interval while the driver reconnects. The
     * value is present and its source time says how old it is; the reading's error says why it is
     * not current. Show it, do not act on it.
     */
    STALE,
    /** No usable value: the property could not be read. The reading carries the reason. */
    ERROR
}
