package io.edgefleet.driver.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.Subscription;
import io.edgefleet.driver.TypedValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedSubscriptionTest {
    private static final Duration INTERVAL = Duration.ofMillis(20);

    private final DriverSession session = new SimulatedDriver()
            .open(new DeviceConnection(
                    "mixer-1",
                    "simulated",
                    Map.of(),
                    List.of(new PropertyBinding(
                            "turns", PropertyType.INT, AccessMode.READ_ONLY, Map.of("generator", "counter")))));

    @AfterEach
    void close() {
        session.close();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            pause(Duration.ofMillis(5));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Test
    void subscriptionPushesSuccessiveReadingsAtTheInterval() {
        List<Reading> received = new CopyOnWriteArrayList<>();

        Subscription subscription =
                session.subscribe(List.of("turns"), INTERVAL, received::add).orElseThrow();
        await("three readings", () -> received.size() >= 3);

        assertThat(subscription.properties()).containsExactly("turns");
        assertThat(subscription.interval()).isEqualTo(INTERVAL);
        assertThat(received.subList(0, 3))
                .extracting(r -> r.value().orElseThrow())
                .containsExactly(TypedValue.of(0L), TypedValue.of(1L), TypedValue.of(2L));
    }

    @Test
    void unknownPropertyIsDeliveredAsAnError() {
        List<Reading> received = new CopyOnWriteArrayList<>();

        session.subscribe(List.of("nope"), INTERVAL, received::add);
        await("a reading", () -> !received.isEmpty());

        assertThat(received.getFirst().quality()).isEqualTo(Quality.ERROR);
    }

    @Test
    void listenerThatThrowsDoesNotEndTheSubscription() {
        AtomicInteger calls = new AtomicInteger();

        session.subscribe(List.of("turns"), INTERVAL, reading -> {
            calls.incrementAndGet();
            throw new IllegalStateException("listener bug");
        });

        await("three calls despite the exceptions", () -> calls.get() >= 3);
    }

    @Test
    void listenerMayCloseItsOwnSubscription() {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Subscription> self = new AtomicReference<>();

        Subscription subscription = session.subscribe(List.of("turns", "turns"), INTERVAL, reading -> {
                    calls.incrementAndGet();
                    await("the subscription is known", () -> self.get() != null);
                    self.get().close();
                })
                .orElseThrow();
        self.set(subscription);
        await("the subscription closed itself", () -> !subscription.isActive());

        pause(INTERVAL.multipliedBy(5));
        assertThat(calls.get())
                .as("the second reading of the tick is not delivered")
                .isEqualTo(1);
    }

    @Test
    void subscribeIsRefusedOnAClosedSessionAndForBadArguments() {
        assertThatThrownBy(() -> session.subscribe(List.of(), INTERVAL, r -> {}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.subscribe(List.of("turns"), Duration.ofMillis(-1), r -> {}))
                .isInstanceOf(IllegalArgumentException.class);

        session.close();

        assertThatThrownBy(() -> session.subscribe(List.of("turns"), INTERVAL, r -> {}))
                .isInstanceOfSatisfying(
                        DriverException.class, e -> assertThat(e.code()).isEqualTo(DriverException.SESSION_CLOSED));
    }

    @Test
    void closingTheSessionEndsTheSubscriptionThread() {
        List<Reading> received = new CopyOnWriteArrayList<>();
        session.subscribe(List.of("turns"), INTERVAL, received::add);
        await("a reading", () -> !received.isEmpty());

        session.close();

        await("the subscription thread ends", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("simulated-mixer-1")));
    }
}
