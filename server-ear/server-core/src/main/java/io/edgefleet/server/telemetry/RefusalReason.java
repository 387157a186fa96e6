package io.edgefleet.server.telemetry;

/** Why a reading of a stored batch was not kept; the tag of {@code edgefleet_telemetry_readings_refused_total}. */
public enum RefusalReason {
    /** The tenant has no device of that name. */
    UNKNOWN_DEVICE("unknown-device"),
    /** The device is bound to another node than the one that sent the reading. */
    OTHER_NODE("other-node"),
    /** The property name is longer than 63 characters, or the value is null, an object, an array or too long. */
    INVALID("invalid");

    private final String wireName;

    RefusalReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
