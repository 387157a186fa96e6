package io.edgefleet.driver.simulated;

import io.edgefleet.driver.ConfigCheck;
import io.edgefleet.driver.ConfigValidation;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.Quality;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Protocol {@code simulated}: devices made of generators, with faults on request.
 *
 * <p>Connection config (all optional):
 *
 * <ul>
 *   <li>{@code unreachable=true}: {@link #open} fails with code {@code unreachable}.
 *   <li>{@code fail-after-reads=N}: after N successful reads the device stops answering: reads
 *       give {@link Quality#ERROR}, writes are refused with {@code not-connected}, the session is
 *       {@code RECONNECTING}. {@code fail-for-reads=M}: it answers again after M failed reads.
 *       Every {@code read} call and every subscription tick counts as one read.
 *   <li>{@code latency-ms=L}: each read and write takes L ms; when L reaches the request timeout
 *       the call gives up after the timeout (reads {@code ERROR}, writes refused with {@code
 *       timeout}).
 *   <li>{@code seed=S}: default seed of the random walks (default: derived from the device name).
 * </ul>
 *
 * <p>Property visitor: {@code generator} = {@code constant} (default; key {@code value}, parsed as
 * the property's type, default zero/false/empty/first symbol), {@code sine} ({@code amplitude} 1,
 * {@code period-seconds} 60, {@code offset} 0), {@code random-walk} ({@code step} 1, {@code min} 0,
 * {@code max} 100, {@code start} the middle, {@code seed}) or {@code counter} ({@code start} 0,
 * {@code step} 1). {@code quality} = {@code good} (default), {@code stale} or {@code error} makes
 * every reading of the property carry that quality, to exercise how the edge treats them.
 *
 * <p>READ_WRITE properties keep the last value written and read it back, as a device holds a
 * setpoint; a new session is a freshly powered device and starts from its generators again.
 */
public final class SimulatedDriver implements DeviceDriver {
    /** The protocol name devices use. */
    public static final String PROTOCOL = "simulated";

    private static final List<String> QUALITIES = List.of("good", "stale", "error");

    private final Clock clock;

    /** The driver {@link java.util.ServiceLoader} creates: values follow the system clock. */
    public SimulatedDriver() {
        this(Clock.systemUTC());
    }

    /** A driver whose sine waves and source times follow {@code clock}: for tests. */
    public SimulatedDriver(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ConfigValidation validate(DeviceConnection connection) {
        ConfigCheck check = ConfigCheck.forConnection(connection, PROTOCOL);
        read(check, connection);
        return check.result();
    }

    @Override
    public DriverSession open(DeviceConnection connection) {
        ConfigCheck check = ConfigCheck.forConnection(connection, PROTOCOL);
        Device device = read(check, connection);
        check.throwIfInvalid();
        if (device.settings().unreachable()) {
            throw DriverException.unreachable(
                    connection.device(), "the simulated device is configured with unreachable=true");
        }
        return new SimulatedSession(connection, device.settings(), device.properties(), clock);
    }

    private static Device read(ConfigCheck check, DeviceConnection connection) {
        SimulatedSettings settings = SimulatedSettings.read(check, connection);
        List<SimulatedProperty.Spec> properties = new ArrayList<>();
        for (PropertyBinding binding : connection.properties()) {
            Generator generator = Generator.read(check, binding, settings.seed());
            String quality = check.visitor(binding).oneOf(Generator.QUALITY, "good", QUALITIES);
            properties.add(
                    new SimulatedProperty.Spec(binding, generator, Quality.valueOf(quality.toUpperCase(Locale.ROOT))));
        }
        return new Device(settings, properties);
    }

    private record Device(SimulatedSettings settings, List<SimulatedProperty.Spec> properties) {}
}
