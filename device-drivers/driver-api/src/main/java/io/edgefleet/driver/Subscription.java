package io.edgefleet.driver;

import java.time.Duration;
import java.util.List;

/**
 * Readings a device pushes to a listener, created by {@link DriverSession#subscribe}. It lives
 * until {@link #close()} or until its session is closed; a connection loss suspends deliveries (or
 * delivers {@link Quality#ERROR} readings, as the protocol allows) but does not end it.
 */
public interface Subscription extends AutoCloseable {

    /** The subscribed properties, in the order given. */
    List<String> properties();

    /** The requested interval between readings of a property. */
    Duration interval();

    /** True until {@link #close()} or the session's close. */
    boolean isActive();

    /**
     * Stops deliveries. Idempotent and never throws; when it returns the listener will not be
     * called again, even if close is called from within the listener.
     */
    @Override
    void close();
}
