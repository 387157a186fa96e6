package io.edgefleet.driver.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.ConfigValidation;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.Drivers;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.Subscription;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.WriteResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour the edge daemon relies on from every {@link DeviceDriver}. A driver module extends
 * this class (as {@code *ContractTest}, or {@code *ContractIT} when its peer is an external
 * process), starts its peer in {@code @BeforeAll}/{@code @BeforeEach}, and answers the fixture
 * methods below. Everything else is inherited, so a new driver cannot quietly differ from the
 * others in how it reports failures.
 *
 * <p>Fixture requirements: {@link #reachableDevice()} can be opened now and every one of its
 * properties reads {@link Quality#GOOD}; it contains {@link #readOnlyProperty()} and {@link
 * #writableProperty()}, the latter numeric, {@link AccessMode#READ_WRITE}, with a {@code max}
 * constraint, and {@link #valueToWrite()} is a valid value for it different from what the device
 * holds at open.
 */
public abstract class DriverContractTest {
    /** How long to wait for anything the device should do soon. */
    protected static final Duration PATIENCE = Duration.ofSeconds(5);

    private final List<DriverSession> opened = new ArrayList<>();

    /** The driver under test; a new instance is fine, the contract holds per instance. */
    protected abstract DeviceDriver driver();

    /** A device that answers now; see the class comment for what it must contain. */
    protected abstract DeviceConnection reachableDevice();

    /** A READ_ONLY property of {@link #reachableDevice()}. */
    protected abstract String readOnlyProperty();

    /** A numeric READ_WRITE property of {@link #reachableDevice()} with a max constraint. */
    protected abstract String writableProperty();

    /** A valid value for {@link #writableProperty()}, unlike the one the device holds at open. */
    protected abstract TypedValue valueToWrite();

    /** A valid configuration of a device that cannot be reached (nothing listens there). */
    protected abstract DeviceConnection unreachableDevice();

    /** A configuration with several problems, listed by {@link #expectedProblems()}. */
    protected abstract DeviceConnection invalidDevice();

    /**
     * Fragments of the problems {@link #invalidDevice()} has, one per problem; each must appear in
     * a different reported problem, so a driver that stops at the first problem fails.
     */
    protected abstract List<String> expectedProblems();

    /** Whether the protocol pushes readings; if not, {@code subscribe} must return empty. */
    protected boolean canSubscribe() {
        return true;
    }

    /** Opens a session that is closed after the test. */
    protected final DriverSession open(DeviceConnection connection) {
        DriverSession session = driver().open(connection);
        opened.add(session);
        return session;
    }

    @AfterEach
    void closeSessions() {
        opened.forEach(DriverSession::close);
    }

    @Test
    void protocolIsALowerCaseName() {
        assertThat(driver().protocol()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    @Test
    void serviceLoaderFindsTheDriver() {
        Optional<DeviceDriver> found = Drivers.load().find(driver().protocol());

        assertThat(found).get().isInstanceOf(driver().getClass());
    }

    @Test
    void reachableDeviceIsValid() {
        assertThat(driver().validate(reachableDevice())).isEqualTo(new ConfigValidation.Valid());
    }

    @Test
    void invalidDeviceListsEveryProblem() {
        ConfigValidation validation = driver().validate(invalidDevice());

        assertThat(validation).isInstanceOf(ConfigValidation.Invalid.class);
        List<String> problems = new ArrayList<>(validation.problems());
        for (String expected : expectedProblems()) {
            Optional<String> match =
                    problems.stream().filter(p -> p.contains(expected)).findFirst();
            assertThat(match)
                    .as("a problem mentioning '%s' among %s", expected, validation.problems())
                    .isPresent();
            problems.remove(match.get());
        }
    }

    @Test
    void openingAnInvalidDeviceFailsWithInvalidConfig() {
        assertThatThrownBy(() -> open(invalidDevice()))
                .isInstanceOfSatisfying(
                        DriverException.class, e -> assertThat(e.code()).isEqualTo(DriverException.INVALID_CONFIG));
    }

    @Test
    void openingAnUnreachableDeviceFailsWithUnreachable() {
        assertThatThrownBy(() -> open(unreachableDevice())).isInstanceOfSatisfying(DriverException.class, e -> {
            assertThat(e.code()).isEqualTo(DriverException.UNREACHABLE);
            assertThat(e.hint()).isNotBlank();
        });
    }

    @Test
    void openedSessionIsConnected() {
        DriverSession session = open(reachableDevice());

        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(session.connection()).isEqualTo(reachableDevice());
    }

    @Test
    void readReturnsOneGoodReadingPerPropertyInOrder() {
        DeviceConnection device = reachableDevice();
        DriverSession session = open(device);
        List<String> names = device.propertyNames().reversed();

        List<Reading> readings = session.read(names);

        assertThat(readings).extracting(Reading::property).containsExactlyElementsOf(names);
        for (Reading reading : readings) {
            PropertyType declared =
                    device.property(reading.property()).orElseThrow().type();
            assertThat(reading.quality()).as("%s", reading).isEqualTo(Quality.GOOD);
            assertThat(reading.value()).get().extracting(TypedValue::type).isEqualTo(declared);
        }
    }

    @Test
    void unknownPropertyReadsAsErrorAndTheOthersStillRead() {
        DriverSession session = open(reachableDevice());

        List<Reading> readings = session.read(List.of(readOnlyProperty(), "no-such-property", writableProperty()));

        assertThat(readings).extracting(Reading::quality).containsExactly(Quality.GOOD, Quality.ERROR, Quality.GOOD);
        assertThat(readings.get(1).error()).get().asString().contains("no-such-property");
    }

    @Test
    void writtenValueReadsBack() {
        DriverSession session = open(reachableDevice());

        WriteResult result = session.write(writableProperty(), valueToWrite());

        assertThat(result).isEqualTo(new WriteResult.Written(valueToWrite()));
        awaitTrue("the written value reads back", () -> session.read(List.of(writableProperty()))
                .getFirst()
                .value()
                .equals(Optional.of(valueToWrite())));
    }

    @Test
    void writeToReadOnlyPropertyIsRefused() {
        DriverSession session = open(reachableDevice());
        PropertyBinding readOnly = binding(readOnlyProperty());
        TypedValue value =
                session.read(List.of(readOnlyProperty())).getFirst().value().orElseThrow();

        WriteResult result = session.write(readOnly.name(), value);

        assertRefused(result, WriteResult.Refused.READ_ONLY);
    }

    @Test
    void writeOfWrongTypeIsRefused() {
        DriverSession session = open(reachableDevice());
        TypedValue wrong = binding(writableProperty()).type() == PropertyType.STRING
                ? TypedValue.of(1L)
                : TypedValue.of("not a " + binding(writableProperty()).type());

        WriteResult result = session.write(writableProperty(), wrong);

        assertRefused(result, WriteResult.Refused.WRONG_TYPE);
    }

    @Test
    void writeAboveTheMaximumIsRefused() {
        DriverSession session = open(reachableDevice());
        PropertyBinding writable = binding(writableProperty());
        BigDecimal max = writable.constraints()
                .max()
                .orElseThrow(() -> new AssertionError("fixture: give " + writable.name() + " a max constraint"));
        BigDecimal above = max.add(BigDecimal.ONE);
        TypedValue tooBig =
                switch (writable.type()) {
                    case INT -> TypedValue.of(above.longValueExact());
                    case FLOAT -> TypedValue.of(above.floatValue());
                    case DOUBLE -> TypedValue.of(above.doubleValue());
                    default -> throw new AssertionError("fixture: " + writable.name() + " must be numeric");
                };

        WriteResult result = session.write(writable.name(), tooBig);

        assertRefused(result, WriteResult.Refused.OUT_OF_RANGE);
    }

    @Test
    void writeToUnknownPropertyIsRefused() {
        DriverSession session = open(reachableDevice());

        WriteResult result = session.write("no-such-property", valueToWrite());

        assertRefused(result, WriteResult.Refused.UNKNOWN_PROPERTY);
    }

    @Test
    void closedSessionRefusesUseAndCloseIsIdempotent() {
        DriverSession session = open(reachableDevice());

        session.close();
        session.close();

        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThatThrownBy(() -> session.read(List.of(readOnlyProperty())))
                .isInstanceOfSatisfying(
                        DriverException.class, e -> assertThat(e.code()).isEqualTo(DriverException.SESSION_CLOSED));
        assertThatThrownBy(() -> session.write(writableProperty(), valueToWrite()))
                .isInstanceOfSatisfying(
                        DriverException.class, e -> assertThat(e.code()).isEqualTo(DriverException.SESSION_CLOSED));
    }

    @Test
    void subscriptionDeliversReadingsAndStopsOnClose() {
        DriverSession session = open(reachableDevice());
        List<Reading> received = new CopyOnWriteArrayList<>();
        Duration interval = Duration.ofMillis(50);

        Optional<Subscription> subscription =
                session.subscribe(List.of(readOnlyProperty(), writableProperty()), interval, received::add);

        if (!canSubscribe()) {
            assertThat(subscription).isEmpty();
            return;
        }
        assertThat(subscription).isPresent();
        awaitTrue("readings of both properties arrive", () -> received.size() >= 4);
        assertThat(received).extracting(Reading::property).contains(readOnlyProperty(), writableProperty());
        assertThat(received).extracting(Reading::quality).containsOnly(Quality.GOOD);

        subscription.get().close();
        int afterClose = received.size();
        assertThat(subscription.get().isActive()).isFalse();
        assertNothingArrivesFor(interval.multipliedBy(4), received, afterClose);
    }

    @Test
    void closingTheSessionEndsItsSubscriptions() {
        DriverSession session = open(reachableDevice());
        List<Reading> received = new CopyOnWriteArrayList<>();
        Duration interval = Duration.ofMillis(50);
        Optional<Subscription> subscription = session.subscribe(List.of(readOnlyProperty()), interval, received::add);
        if (!canSubscribe()) {
            assertThat(subscription).isEmpty();
            return;
        }
        awaitTrue("a reading arrives", () -> !received.isEmpty());

        session.close();
        int afterClose = received.size();

        assertThat(subscription.get().isActive()).isFalse();
        assertNothingArrivesFor(interval.multipliedBy(4), received, afterClose);
    }

    @Test
    void subscribeRefusesANonPositiveInterval() {
        DriverSession session = open(reachableDevice());
        if (!canSubscribe()) {
            return;
        }

        assertThatThrownBy(() -> session.subscribe(List.of(readOnlyProperty()), Duration.ZERO, r -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The binding of a fixture property, failing the test if the fixture lacks it. */
    protected final PropertyBinding binding(String property) {
        return reachableDevice()
                .property(property)
                .orElseThrow(() -> new AssertionError("fixture: reachableDevice() has no property " + property));
    }

    /** Polls until the condition holds, failing after {@link #PATIENCE}. */
    protected static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + PATIENCE + " waiting until " + what);
            }
            pause(Duration.ofMillis(10));
        }
    }

    private static void assertRefused(WriteResult result, String code) {
        assertThat(result).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.reason()).isNotBlank();
            assertThat(refused.isRetryable()).isFalse();
        });
    }

    /** Watches for a few intervals: a stopped subscription must stay silent. */
    private static void assertNothingArrivesFor(Duration window, List<Reading> received, int expectedSize) {
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            assertThat(received).hasSize(expectedSize);
            pause(Duration.ofMillis(10));
        }
        assertThat(received).hasSize(expectedSize);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
