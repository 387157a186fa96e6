package io.edgefleet.driver;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The installed drivers, by protocol. The edge daemon loads them once at start with {@link
 * #load()}; two drivers claiming one protocol stop the start rather than letting class-path order
 * pick one. Immutable and thread-safe.
 */
public final class Drivers {
    private static final Pattern PROTOCOL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final Map<String, DeviceDriver> byProtocol;

    private Drivers(Map<String, DeviceDriver> byProtocol) {
        this.byProtocol = Collections.unmodifiableMap(byProtocol);
    }

    /**
     * Loads every {@link DeviceDriver} registered with {@link ServiceLoader} that the thread's context
     * class loader (or, without one, this class's loader) can see.
     *
     * @throws DriverException {@link DriverException#DUPLICATE_PROTOCOL} if two drivers claim one
     *     protocol, {@link DriverException#DRIVER_LOAD_FAILED} if a registered driver cannot be
     *     instantiated or names an invalid protocol
     */
    public static Drivers load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : Drivers.class.getClassLoader());
    }

    /** Loads the drivers {@code loader} can see; see {@link #load()}. */
    public static Drivers load(ClassLoader loader) {
        List<DeviceDriver> found;
        try {
            found = ServiceLoader.load(DeviceDriver.class, loader).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new DriverException(
                    DriverException.DRIVER_LOAD_FAILED,
                    500,
                    "a device driver could not be loaded: " + e.getMessage(),
                    "Remove or replace the broken driver jar; each driver needs a public no-argument constructor.",
                    e);
        }
        return of(found);
    }

    /** The given drivers; see {@link #load()} for the checks. */
    public static Drivers of(Collection<? extends DeviceDriver> drivers) {
        Map<String, DeviceDriver> byProtocol = new TreeMap<>();
        for (DeviceDriver driver : drivers) {
            String protocol = driver.protocol();
            if (protocol == null || !PROTOCOL.matcher(protocol).matches()) {
                throw new DriverException(
                        DriverException.DRIVER_LOAD_FAILED,
                        500,
                        "driver " + driver.getClass().getName() + " names an invalid protocol '" + protocol + "'",
                        "A protocol is 1-63 lower-case letters, digits or '-'; fix or remove the driver.");
            }
            DeviceDriver previous = byProtocol.putIfAbsent(protocol, driver);
            if (previous != null) {
                throw new DriverException(
                        DriverException.DUPLICATE_PROTOCOL,
                        500,
                        "drivers " + previous.getClass().getName() + " and "
                                + driver.getClass().getName() + " both claim protocol '" + protocol + "'",
                        "Install one driver per protocol: remove one of the two jars.");
            }
        }
        return new Drivers(byProtocol);
    }

    /** The driver for {@code protocol}, if one is installed. */
    public Optional<DeviceDriver> find(String protocol) {
        return Optional.ofNullable(byProtocol.get(protocol));
    }

    /** The installed protocols, sorted. */
    public Set<String> protocols() {
        return byProtocol.keySet();
    }

    /**
     * Finds the device's driver, validates the device and opens a session: what the device manager
     * does for each device.
     *
     * @throws DriverException {@link DriverException#UNKNOWN_PROTOCOL} if no driver speaks the
     *     device's protocol, {@link DriverException#INVALID_CONFIG} listing every problem, or what
     *     {@link DeviceDriver#open} throws
     */
    public DriverSession open(DeviceConnection connection) {
        DeviceDriver driver = find(connection.protocol())
                .orElseThrow(() -> new DriverException(
                        DriverException.UNKNOWN_PROTOCOL,
                        422,
                        "device '" + connection.device() + "' uses protocol '"
                                + Values.abbreviate(connection.protocol()) + "', which no installed driver speaks",
                        "Installed protocols: " + protocols() + ". Fix the device's protocol or install its driver."));
        if (driver.validate(connection) instanceof ConfigValidation.Invalid invalid) {
            throw DriverException.invalidConfig(connection.device(), invalid.problems());
        }
        return driver.open(connection);
    }
}
