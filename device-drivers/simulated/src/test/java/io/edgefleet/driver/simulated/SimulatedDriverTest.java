package io.edgefleet.driver.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.ConfigValidation;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.Timeouts;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.ValueConstraints;
import io.edgefleet.driver.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedDriverTest {
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final SimulatedDriver driver = new SimulatedDriver(clock);
    private final List<DriverSession> sessions = new ArrayList<>();

    @AfterEach
    void closeSessions() {
        sessions.forEach(DriverSession::close);
    }

    private static PropertyBinding readOnly(String name, PropertyType type, Map<String, String> visitor) {
        return new PropertyBinding(name, type, AccessMode.READ_ONLY, visitor);
    }

    private DriverSession open(Map<String, String> config, PropertyBinding... properties) {
        DriverSession session = driver.open(new DeviceConnection("oven-1", "simulated", config, List.of(properties)));
        sessions.add(session);
        return session;
    }

    private static TypedValue valueOf(Reading reading) {
        assertThat(reading.quality()).as("%s", reading).isEqualTo(Quality.GOOD);
        return reading.value().orElseThrow();
    }

    private static double number(DriverSession session, String property) {
        return switch (valueOf(session.read(List.of(property)).getFirst())) {
            case TypedValue.DoubleValue(double v) -> v;
            case TypedValue.FloatValue(float v) -> v;
            case TypedValue.IntValue(long v) -> v;
            case TypedValue other -> throw new AssertionError("not a number: " + other);
        };
    }

    @Test
    void sineFollowsTheSessionsAge() {
        DriverSession session = open(
                Map.of(),
                readOnly(
                        "temperature",
                        PropertyType.DOUBLE,
                        Map.of("generator", "sine", "amplitude", "5", "period-seconds", "40", "offset", "20")));

        double atStart = number(session, "temperature");
        clock.advance(Duration.ofSeconds(10));
        double atQuarter = number(session, "temperature");
        clock.advance(Duration.ofSeconds(20));
        double atThreeQuarters = number(session, "temperature");

        assertThat(atStart).isCloseTo(20.0, within(1e-9));
        assertThat(atQuarter).isCloseTo(25.0, within(1e-9));
        assertThat(atThreeQuarters).isCloseTo(15.0, within(1e-9));
    }

    @Test
    void readingsCarryTheClocksTimeAsSourceTime() {
        DriverSession session = open(Map.of(), readOnly("label", PropertyType.STRING, Map.of("value", "A")));
        clock.advance(Duration.ofMillis(1234));

        assertThat(session.read(List.of("label")).getFirst().sourceTime()).isEqualTo(START.plusMillis(1234));
    }

    @Test
    void sineOfAnIntPropertyIsRounded() {
        DriverSession session = open(
                Map.of(),
                readOnly("rpm", PropertyType.INT, Map.of("generator", "sine", "amplitude", "10", "offset", "100.4")));

        assertThat(valueOf(session.read(List.of("rpm")).getFirst())).isEqualTo(TypedValue.of(100L));
    }

    @Test
    void randomWalkWithASeedRepeatsItselfAndStaysInBounds() {
        PropertyBinding level = readOnly(
                "level",
                PropertyType.DOUBLE,
                Map.of("generator", "random-walk", "step", "3", "min", "0", "max", "10", "seed", "7"));
        DriverSession first = open(Map.of(), level);
        DriverSession second = open(Map.of(), level);

        List<Double> one =
                IntStream.range(0, 200).mapToObj(i -> number(first, "level")).toList();
        List<Double> two =
                IntStream.range(0, 200).mapToObj(i -> number(second, "level")).toList();

        assertThat(one).isEqualTo(two);
        assertThat(one.getFirst()).isEqualTo(5.0);
        assertThat(one).allSatisfy(v -> assertThat(v).isBetween(0.0, 10.0));
        assertThat(one.stream().distinct().count()).isGreaterThan(100);
    }

    @Test
    void randomWalksOfOneDeviceDifferWithoutTheirOwnSeed() {
        Map<String, String> walk = Map.of("generator", "random-walk", "step", "1");
        DriverSession session = open(
                Map.of("seed", "99"),
                readOnly("a", PropertyType.DOUBLE, walk),
                readOnly("b", PropertyType.DOUBLE, walk));

        List<Reading> readings = IntStream.range(0, 5)
                .mapToObj(i -> session.read(List.of("a", "b")))
                .flatMap(List::stream)
                .toList();

        List<TypedValue> a = readings.stream()
                .filter(r -> r.property().equals("a"))
                .map(SimulatedDriverTest::valueOf)
                .toList();
        List<TypedValue> b = readings.stream()
                .filter(r -> r.property().equals("b"))
                .map(SimulatedDriverTest::valueOf)
                .toList();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void counterCountsEveryRead() {
        DriverSession session = open(
                Map.of(),
                readOnly("parts", PropertyType.INT, Map.of("generator", "counter", "start", "10", "step", "5")));

        List<TypedValue> values = IntStream.range(0, 3)
                .mapToObj(i -> valueOf(session.read(List.of("parts")).getFirst()))
                .toList();

        assertThat(values).containsExactly(TypedValue.of(10L), TypedValue.of(15L), TypedValue.of(20L));
    }

    @Test
    void constantReadsItsValueInThePropertysType() {
        DriverSession session = open(
                Map.of(),
                readOnly("count", PropertyType.INT, Map.of("value", "-3")),
                readOnly("ratio", PropertyType.FLOAT, Map.of("value", "0.25")),
                readOnly("door", PropertyType.BOOL, Map.of("value", "true")),
                readOnly("label", PropertyType.STRING, Map.of("value", "line 4")),
                new PropertyBinding(
                        "mode",
                        PropertyType.ENUM,
                        AccessMode.READ_ONLY,
                        Map.of("value", "manual"),
                        ValueConstraints.symbols("auto", "manual")),
                readOnly("unset", PropertyType.DOUBLE, Map.of()));

        List<TypedValue> values = session.read(List.of("count", "ratio", "door", "label", "mode", "unset")).stream()
                .map(SimulatedDriverTest::valueOf)
                .toList();

        assertThat(values)
                .containsExactly(
                        TypedValue.of(-3L),
                        TypedValue.of(0.25f),
                        TypedValue.of(true),
                        TypedValue.of("line 4"),
                        TypedValue.symbol("manual"),
                        TypedValue.of(0.0));
    }

    @Test
    void writtenValueReplacesTheGeneratorUntilTheNextSession() {
        PropertyBinding setpoint = new PropertyBinding(
                "setpoint", PropertyType.DOUBLE, AccessMode.READ_WRITE, Map.of("generator", "sine", "amplitude", "3"));
        DriverSession session = open(Map.of(), setpoint);

        assertThat(session.write("setpoint", TypedValue.of(42.5)))
                .isEqualTo(new WriteResult.Written(TypedValue.of(42.5)));
        clock.advance(Duration.ofSeconds(7));

        assertThat(number(session, "setpoint")).isEqualTo(42.5);
        DriverSession powerCycled = open(Map.of(), setpoint);
        assertThat(number(powerCycled, "setpoint")).isEqualTo(0.0);
    }

    @Test
    void deviceStopsAnsweringAfterTheConfiguredReadsAndComesBack() {
        DriverSession session = open(
                Map.of("fail-after-reads", "2", "fail-for-reads", "2"),
                new PropertyBinding("setpoint", PropertyType.INT, AccessMode.READ_WRITE, Map.of("value", "1")));
        List<String> setpoint = List.of("setpoint");

        assertThat(session.read(setpoint)).extracting(Reading::quality).containsExactly(Quality.GOOD);
        assertThat(session.read(setpoint)).extracting(Reading::quality).containsExactly(Quality.GOOD);
        Reading failed = session.read(setpoint).getFirst();
        assertThat(failed.quality()).isEqualTo(Quality.ERROR);
        assertThat(failed.error()).get().asString().contains("not answering");
        assertThat(session.state()).isEqualTo(SessionState.RECONNECTING);
        assertThat(session.write("setpoint", TypedValue.of(5L)))
                .isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(WriteResult.Refused.NOT_CONNECTED);
                    assertThat(refused.isRetryable()).isTrue();
                });
        assertThat(session.read(setpoint)).extracting(Reading::quality).containsExactly(Quality.ERROR);

        assertThat(session.read(setpoint)).extracting(Reading::quality).containsExactly(Quality.GOOD);
        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(session.write("setpoint", TypedValue.of(5L))).isInstanceOf(WriteResult.Written.class);
    }

    @Test
    void deviceWithoutRecoveryStaysSilent() {
        DriverSession session = open(Map.of("fail-after-reads", "0"), readOnly("t", PropertyType.DOUBLE, Map.of()));

        for (int i = 0; i < 5; i++) {
            assertThat(session.read(List.of("t"))).extracting(Reading::quality).containsExactly(Quality.ERROR);
        }
        assertThat(session.state()).isEqualTo(SessionState.RECONNECTING);
    }

    @Test
    void latencyAtTheRequestTimeoutTimesReadsAndWritesOut() {
        DeviceConnection slow = new DeviceConnection(
                        "oven-1",
                        "simulated",
                        Map.of("latency-ms", "2000"),
                        List.of(new PropertyBinding("setpoint", PropertyType.INT, AccessMode.READ_WRITE, Map.of())))
                .withTimeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(40)));
        DriverSession session = driver.open(slow);
        sessions.add(session);

        long started = System.nanoTime();
        Reading reading = session.read(List.of("setpoint")).getFirst();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        WriteResult write = session.write("setpoint", TypedValue.of(3L));

        assertThat(reading.quality()).isEqualTo(Quality.ERROR);
        assertThat(reading.error()).get().asString().contains("within 40 ms");
        // It gives up at the request timeout instead of waiting out the 2 s latency.
        assertThat(took).isBetween(Duration.ofMillis(40), Duration.ofMillis(1500));
        assertThat(write).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(WriteResult.Refused.TIMEOUT);
            assertThat(refused.isRetryable()).isTrue();
        });
    }

    @Test
    void latencyBelowTheTimeoutOnlySlowsTheDeviceDown() {
        DriverSession session = open(Map.of("latency-ms", "30"), readOnly("t", PropertyType.DOUBLE, Map.of()));

        long started = System.nanoTime();
        Reading reading = session.read(List.of("t")).getFirst();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        assertThat(reading.quality()).isEqualTo(Quality.GOOD);
    }

    @Test
    void qualityInTheVisitorIsWhatEveryReadingCarries() {
        DriverSession session = open(
                Map.of(),
                readOnly("old", PropertyType.DOUBLE, Map.of("value", "1.5", "quality", "stale")),
                readOnly("broken", PropertyType.DOUBLE, Map.of("quality", "error")));

        List<Reading> readings = session.read(List.of("old", "broken"));

        assertThat(readings.get(0).quality()).isEqualTo(Quality.STALE);
        assertThat(readings.get(0).value()).contains(TypedValue.of(1.5));
        assertThat(readings.get(0).error()).isPresent();
        assertThat(readings.get(1).quality()).isEqualTo(Quality.ERROR);
        assertThat(readings.get(1).value()).isEmpty();
    }

    @Test
    void valueThatOverflowsItsTypeIsAnErrorOfThatPropertyOnly() {
        DriverSession session = open(
                Map.of(),
                readOnly("huge", PropertyType.FLOAT, Map.of("generator", "counter", "start", "1e300")),
                readOnly("fine", PropertyType.INT, Map.of("value", "4")));

        List<Reading> readings = session.read(List.of("huge", "fine"));

        assertThat(readings).extracting(Reading::quality).containsExactly(Quality.ERROR, Quality.GOOD);
        assertThat(readings.getFirst().error()).get().asString().contains("does not fit FLOAT");
    }

    @Test
    void validationListsEveryProblemOfABadConfig() {
        DeviceConnection bad = new DeviceConnection(
                "oven-1",
                "simulated",
                Map.of("unreachable", "perhaps", "fail-for-reads", "3", "latency-ms", "600000", "seed", "x"),
                List.of(
                        readOnly("a", PropertyType.STRING, Map.of("generator", "counter")),
                        readOnly("b", PropertyType.DOUBLE, Map.of("generator", "wave")),
                        readOnly("c", PropertyType.DOUBLE, Map.of("generator", "sine", "period-seconds", "0")),
                        readOnly("d", PropertyType.DOUBLE, Map.of("generator", "counter", "amplitude", "2")),
                        readOnly("e", PropertyType.DOUBLE, Map.of("quality", "bad")),
                        readOnly(
                                "f",
                                PropertyType.DOUBLE,
                                Map.of("generator", "random-walk", "step", "-1", "start", "500"))));

        ConfigValidation validation = driver.validate(bad);

        assertThat(validation.problems())
                .containsExactly(
                        "config.unreachable: expected true or false, got 'perhaps'",
                        "config.fail-for-reads: applies only together with fail-after-reads",
                        "config.latency-ms: expected a whole number in [0, 60000], got '600000'",
                        "config.seed: expected a whole number in [-9223372036854775808, 9223372036854775807],"
                                + " got 'x'",
                        "property 'a' visitor.generator: 'counter' makes numbers but the property is STRING;"
                                + " use 'constant'",
                        "property 'b' visitor.generator: expected one of [constant, counter, random-walk, sine],"
                                + " got 'wave'",
                        "property 'c' visitor.period-seconds: expected a number in [0.001, 1.0E9], got '0'",
                        "property 'd' visitor.amplitude: unknown key (known: [generator, quality, start, step])",
                        "property 'e' visitor.quality: expected one of [error, good, stale], got 'bad'",
                        "property 'f' visitor.step: expected a number in [0.0, 1.7976931348623157E308], got '-1'",
                        "property 'f' visitor.start: expected a number in [0.0, 100.0], got '500'");
        assertThatThrownBy(() -> driver.open(bad))
                .isInstanceOfSatisfying(
                        DriverException.class, e -> assertThat(e.code()).isEqualTo(DriverException.INVALID_CONFIG));
    }

    @Test
    void unreachableDeviceFailsToOpenWithCodeAndHint() {
        assertThatThrownBy(() -> open(Map.of("unreachable", "true")))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.code()).isEqualTo("unreachable");
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("oven-1", "unreachable=true");
                    assertThat(e.hint()).isNotBlank();
                });
    }
}
