package io.edgefleet.driver;

/** Whether a device property may be written (DESIGN section 2, a device model's accessMode). */
public enum AccessMode {
    /** Reported by the device only; a write is refused with {@link WriteResult.Refused#READ_ONLY}. */
    READ_ONLY,
    /** Reported by the device and settable: a twin's desired value is written to it. */
    READ_WRITE
}
