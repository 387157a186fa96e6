package io.edgefleet.driver.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.Quality;
import io.edgefleet.driver.Reading;
import io.edgefleet.driver.SessionState;
import io.edgefleet.driver.TypedValue;
import io.edgefleet.driver.WriteResult;
import io.edgefleet.driver.opcua.testserver.OpcUaTestServer;
import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A server that stops and comes back on the same port: the session and its subscription recover. */
class OpcUaReconnectTest {
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @Test
    void sessionReconnectsAndTheSubscriptionDeliversAgainAfterAServerRestart() {
        int port = Ports.free();
        OpcUaTestServer server = OpcUaTestServer.start(port);
        List<Reading> received = new CopyOnWriteArrayList<>();
        try (DriverSession session = new OpcUaDriver().open(OpcUaFixtures.press(server.url()))) {
            session.subscribe(List.of("counter"), Duration.ofMillis(100), received::add);
            Wait.until("counter readings", () -> received.size() >= 3);

            server.stop();
            Wait.until(
                    "the session to notice",
                    Duration.ofSeconds(30),
                    () -> session.state() == SessionState.RECONNECTING);
            assertThat(session.read(List.of("temperature")).getFirst().quality())
                    .isEqualTo(Quality.ERROR);
            assertThat(session.write("setpoint", TypedValue.of(1.0)))
                    .isInstanceOfSatisfying(WriteResult.Refused.class, r -> assertThat(r.isRetryable())
                            .isTrue());

            server = OpcUaTestServer.start(port);
            Wait.until("the session to reconnect", RECOVERY, () -> session.state() == SessionState.CONNECTED);
            int before = received.size();
            Wait.until("counter readings from the restarted server", RECOVERY, () -> received.size() >= before + 3);
            assertThat(session.read(List.of("temperature")).getFirst().quality())
                    .isEqualTo(Quality.GOOD);
        } finally {
            server.stop();
        }
    }
}
