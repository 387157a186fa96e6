package io.edgefleet.edge.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgefleet.edge.EdgeDaemon;
import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.StopSignal;
import io.edgefleet.edge.config.ConfigKey;
import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.Identity;
import io.edgefleet.edge.testing.FakeServer;
import io.edgefleet.edge.testing.TestStores;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.testsupport.MosquittoProcess;
import io.edgefleet.testsupport.Wait;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollment against a tiny HTTP server that answers the enrollment contract the way the real
 * server does (201, or problem+json refusals), and, for the happy path, a real broker afterwards.
 */
class EnrollmentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "eft_c2VjcmV0LXRva2Vu";

    @TempDir
    Path dir;

    private HttpServer http;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    /** A scripted answer: status and body, one per request; the last one repeats. */
    private record Answer(int status, String contentType, String body) {}

    private String serve(List<Answer> answers) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext(EnrollmentClient.PATH, exchange -> {
            requests.add(JSON.readTree(exchange.getRequestBody()));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            Answer answer = answers.get(Math.min(calls.getAndIncrement(), answers.size() - 1));
            respond(exchange, answer);
        });
        http.start();
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Answer enrolled(String mqttUrl) {
        return new Answer(
                201,
                "application/json",
                """
                {"tenant":"default","node":"line-3-pc","mqttUrl":"%s","username":"line-3-pc@default",
                 "password":"pw-returned-once","heartbeatSeconds":7}"""
                        .formatted(mqttUrl));
    }

    private static Answer problem(int status, String code) {
        return new Answer(
                status,
                "application/problem+json",
                """
                {"type":"about:blank","title":"refused","status":%d,"code":"%s","detail":"as the server says"}"""
                        .formatted(status, code));
    }

    private EdgeConfig config(String serverUrl, boolean withToken) {
        Map<ConfigKey, String> settings = new HashMap<>(Map.of(
                ConfigKey.SERVER_URL, serverUrl,
                ConfigKey.NODE_NAME, "line-3-pc",
                ConfigKey.RECONNECT_MIN_MS, "20",
                ConfigKey.RECONNECT_MAX_MS, "100"));
        if (withToken) {
            settings.put(ConfigKey.ENROLLMENT_TOKEN, TOKEN);
        }
        return TestStores.config(dir.resolve("data"), settings);
    }

    @AfterEach
    void stopHttp() {
        if (http != null) {
            http.stop(0);
        }
    }

    @Test
    void enrolledNodeStoresItsIdentityAndConnectsWithIt() throws IOException {
        try (MosquittoProcess broker = MosquittoProcess.start(dir.resolve("broker"));
                FakeServer server = FakeServer.connect(broker.url())) {
            String url = serve(List.of(enrolled(broker.url())));

            try (EdgeDaemon daemon = EdgeDaemon.start(config(url, true), new StopSignal())) {
                server.await(MessageKind.HELLO, 1, Duration.ofSeconds(20));

                Identity identity = daemon.identity();
                assertThat(identity.tenant()).isEqualTo("default");
                assertThat(identity.node()).isEqualTo("line-3-pc");
                assertThat(identity.username()).isEqualTo("line-3-pc@default");
                assertThat(identity.password().reveal()).isEqualTo("pw-returned-once");
                assertThat(identity.heartbeatSeconds()).isEqualTo(7);
                assertThat(server.received(MessageKind.HELLO).getFirst().topic())
                        .isEqualTo("event/default/line-3-pc");
            }
            JsonNode request = requests.getFirst();
            assertThat(request.path("token").asText()).isEqualTo(TOKEN);
            assertThat(request.path("node").asText()).isEqualTo("line-3-pc");
            assertThat(request.path("agentVersion").asText()).isNotEmpty();
            assertThat(request.path("os").asText()).isNotEmpty();
            assertThat(request.path("arch").asText()).isNotEmpty();
            assertThat(request.path("hostname").asText()).isNotEmpty();
            assertThat(contentTypes.getFirst()).isEqualTo("application/json");
        }
        // The identity survives: the next start needs no token.
        try (EdgeStore store = EdgeStore.open(dir.resolve("data"))) {
            assertThat(store.identity()).map(Identity::node).contains("line-3-pc");
        }
    }

    @Test
    void expiredTokenEndsTheDaemonWithAHint() throws IOException {
        String url = serve(List.of(problem(410, "enrollment-token-expired")));

        assertThatThrownBy(() -> EdgeDaemon.start(config(url, true), new StopSignal()))
                .isInstanceOfSatisfying(EdgeException.class, e -> {
                    assertThat(e.code()).isEqualTo("enrollment-token-expired");
                    assertThat(e.exitStatus()).isEqualTo(EdgeException.EXIT_ENROLLMENT_REFUSED);
                    assertThat(e.hint()).contains("expired").contains("POST /api/v1/enrollment-tokens");
                })
                .hasMessageContaining("410")
                .hasMessageNotContaining(TOKEN);
        assertThat(requests).hasSize(1);
        // Nothing is left locked: the next start (with a new token) may proceed.
        try (EdgeStore store = EdgeStore.open(dir.resolve("data"))) {
            assertThat(store.identity()).isEmpty();
        }
    }

    @Test
    void usedTokenAndTakenNameAreRefusedWithTheirOwnHints() throws IOException {
        String url = serve(List.of(problem(409, "enrollment-token-used"), problem(409, "node-exists")));

        assertThatThrownBy(() -> EdgeDaemon.start(config(url, true), new StopSignal()))
                .isInstanceOfSatisfying(
                        EdgeException.class, e -> assertThat(e.hint()).contains("used already"));
        assertThatThrownBy(() -> EdgeDaemon.start(config(url, true), new StopSignal()))
                .isInstanceOfSatisfying(EdgeException.class, e -> {
                    assertThat(e.code()).isEqualTo("node-exists");
                    assertThat(e.hint()).contains("line-3-pc").contains("node-name");
                });
    }

    @Test
    void unreachableServerIsRetriedUntilItAnswers() throws IOException {
        Answer unavailable = new Answer(503, "text/plain", "starting up");
        String url = serve(List.of(unavailable, unavailable, enrolled("tcp://127.0.0.1:9")));

        try (EdgeDaemon daemon = EdgeDaemon.start(config(url, true), new StopSignal())) {
            assertThat(daemon.identity().node()).isEqualTo("line-3-pc");
        }
        assertThat(requests).hasSize(3);
    }

    @Test
    void stoppingEndsTheRetries() throws Exception {
        String url = serve(List.of(new Answer(503, "text/plain", "down")));
        StopSignal stop = new StopSignal();
        CompletableFuture<EdgeDaemon> starting =
                CompletableFuture.supplyAsync(() -> EdgeDaemon.start(config(url, true), stop));
        Wait.until("two attempts", Duration.ofSeconds(10), () -> requests.size() >= 2);

        stop.request();

        assertThatThrownBy(() -> starting.get(2, TimeUnit.SECONDS))
                .hasCauseInstanceOf(EdgeException.class)
                .hasMessageContaining("stopped before enrollment");
    }

    @Test
    void withoutAServerOrATokenTheNodeIsNotEnrolled() throws IOException {
        String url = serve(List.of(enrolled("tcp://127.0.0.1:9")));

        assertThatThrownBy(() -> EdgeDaemon.start(config(url, false), new StopSignal()))
                .isInstanceOfSatisfying(EdgeException.class, e -> {
                    assertThat(e.code()).isEqualTo("not-enrolled");
                    assertThat(e.exitStatus()).isEqualTo(EdgeException.EXIT_NOT_ENROLLED);
                    assertThat(e.hint()).contains("EDGEFLEET_ENROLLMENT_TOKEN");
                });
        assertThat(requests).isEmpty();
    }
}
