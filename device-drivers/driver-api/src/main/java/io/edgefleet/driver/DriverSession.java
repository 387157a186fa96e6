package io.edgefleet.driver;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An open connection to one device, obtained from {@link DeviceDriver#open}.
 *
 * <p><b>Threading.</b> The device manager uses a session from one device worker at a time: {@link
 * #read}, {@link #write} and {@link #subscribe} are never called concurrently on the same session,
 * though successive calls may come from different threads. Subscriptions deliver on threads of the
 * driver's own, which the driver keeps correct against the worker's calls. {@link #close()} and
 * {@link #state()} may be called from any thread at any time.
 *
 * <p><b>Timeouts.</b> Every read and write answers within {@link Timeouts#request()} of the
 * connection (plus the driver's own bookkeeping): a device that does not answer in time yields
 * readings of quality {@link Quality#ERROR} or a refusal with code {@link
 * WriteResult.Refused#TIMEOUT}, never a call that blocks the worker indefinitely.
 *
 * <p><b>Connection loss.</b> A session never gives up on its own: when the device goes away it
 * moves to {@link SessionState#RECONNECTING}, answers reads with {@link Quality#ERROR} (or {@link
 * Quality#STALE} where the protocol vouches for a last value), refuses writes with {@link
 * WriteResult.Refused#NOT_CONNECTED}, keeps its subscriptions, and returns to {@link
 * SessionState#CONNECTED} when the device answers again. Only {@link #close()} ends it.
 */
public interface DriverSession extends AutoCloseable {

    /** The device this session talks to, as it was opened. */
    DeviceConnection connection();

    /** Where the session is now; {@link SessionState#CLOSED} once {@link #close()} was called. */
    SessionState state();

    /**
     * Reads the named properties from the device.
     *
     * <p>Returns exactly one reading per requested name, in the requested order (a name requested
     * twice is read twice). A property that cannot be read (unknown name, device error, timeout,
     * connection lost) yields a reading of quality {@link Quality#ERROR} with a message; it never
     * makes the call throw or spoils the readings of the other properties. A value of quality
     * {@link Quality#GOOD} has the property's declared {@link PropertyType}.
     *
     * @throws DriverException with code {@link DriverException#SESSION_CLOSED} after {@link
     *     #close()}: that is a bug in the caller, not a device condition
     */
    List<Reading> read(List<String> properties);

    /**
     * Writes one property.
     *
     * <p>Expected failures are results, not exceptions: an unknown property, a {@link
     * AccessMode#READ_ONLY} property, a value whose {@link TypedValue#type()} differs from the
     * property's type, a value outside the property's {@link ValueConstraints}, a device that
     * refuses or does not answer: each yields {@link WriteResult.Refused} with its stable code.
     * Values are never converted here: convert first with {@link Values#coerce} or {@link
     * Values#parse(PropertyBinding, String)}. {@link WriteCheck#of} performs the checks every
     * driver shares.
     *
     * <p>{@link WriteResult.Written} means the device acknowledged the write; a following {@link
     * #read} shows the value the device now holds (which a device may have clamped or rounded).
     *
     * @throws DriverException with code {@link DriverException#SESSION_CLOSED} after {@link
     *     #close()}
     */
    WriteResult write(String property, TypedValue value);

    /**
     * Asks the device to push readings of the named properties, at most once per {@code interval}
     * per property (protocols that push on change may send less often).
     *
     * <p>Returns empty when the protocol cannot push (the device manager then polls with {@link
     * #read}); the default implementation does exactly that. The listener is called on a driver
     * thread, for one subscription never concurrently, and must return quickly; an exception it
     * throws is logged by the driver and does not end the subscription. Unknown properties are
     * delivered as {@link Quality#ERROR} readings, like {@link #read}. After {@link
     * Subscription#close()} or {@link #close()} returns, the listener is not called again.
     *
     * @throws IllegalArgumentException if {@code interval} is not positive or {@code properties}
     *     is empty
     * @throws DriverException with code {@link DriverException#SESSION_CLOSED} after {@link
     *     #close()}
     */
    default Optional<Subscription> subscribe(List<String> properties, Duration interval, Consumer<Reading> listener) {
        return Optional.empty();
    }

    /**
     * Ends the session: cancels its subscriptions, releases the connection and the driver's threads
     * for it. Idempotent, never throws, and returns within the request timeout even if the device
     * does not answer.
     */
    @Override
    void close();
}
