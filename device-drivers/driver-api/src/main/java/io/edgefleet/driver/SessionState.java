package io.edgefleet.driver;

/** Where a {@link DriverSession} is in its life. */
public enum SessionState {
    /** The device answers: reads and writes go to it. */
    CONNECTED,
    /**
     * The device stopped answering and the driver is trying to reach it again: reads report {@link
     * Quality#ERROR} or {@link Quality#STALE}, writes are refused with {@link
     * WriteResult.Refused#NOT_CONNECTED}.
     */
    RECONNECTING,
    /** {@link DriverSession#close()} was called; the session is finished and cannot be reused. */
    CLOSED
}
