package io.edgefleet.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client against a local HTTP server (the JDK's): auth, JSON, problem+json, no answer. */
class HttpFleetClientTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ConnectionMonitor monitor = new ConnectionMonitor(
            Runnable::run, scheduler, new Backoff(Duration.ofMillis(20), Duration.ofMillis(50)), Clock.systemUTC());
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        scheduler.shutdownNow();
    }

    private HttpFleetClient clientFor(String path, int status, String contentType, String body, List<String> seen) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(path, exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + " if-match="
                    + exchange.getRequestHeaders().getFirst("If-Match"));
            exchange.getRequestBody().readAllBytes();
            respond(exchange, status, contentType, body);
        });
        server.start();
        return new HttpFleetClient(
                ServerAddress.parse("http://127.0.0.1:" + server.getAddress().getPort()),
                new Credentials("admin", "pw"),
                monitor);
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("ETag", "\"7\"");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void sendsBasicAuthAndReadsJsonWithItsEtag() {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpFleetClient client = clientFor("/api/v1/me", 200, "application/json", "{\"username\":\"admin\"}", seen);
        ApiAnswer answer = client.get("/api/v1/me");
        assertThat(answer).isInstanceOf(ApiAnswer.Ok.class);
        assertThat(((ApiAnswer.Ok) answer).etag()).contains("\"7\"");
        assertThat(answer.bodyOrThrow().path("username").asText()).isEqualTo("admin");
        assertThat(seen).singleElement().asString().contains("auth=Basic YWRtaW46cHc=");
    }

    @Test
    void problemJsonRefusalsKeepTheirCodeAndDetail() {
        HttpFleetClient client = clientFor(
                "/api/v1/devices/p/twin",
                422,
                "application/problem+json",
                "{\"type\":\"x\",\"title\":\"Read-only property\",\"status\":422,\"detail\":\"temperature is ReadOnly\","
                        + "\"code\":\"read-only-property\",\"hint\":\"Set ReadWrite properties only.\"}",
                new CopyOnWriteArrayList<>());
        ApiAnswer answer = client.send(
                "PATCH",
                "/api/v1/devices/p/twin",
                Optional.of(Json.parse("{\"desired\":{\"temperature\":1}}")),
                "application/merge-patch+json",
                Optional.of("\"3\""));
        assertThat(answer).isInstanceOf(ApiAnswer.Refused.class);
        ApiProblem problem = ((ApiAnswer.Refused) answer).problem();
        assertThat(problem.code()).isEqualTo("read-only-property");
        assertThat(problem.message()).contains("422", "temperature is ReadOnly", "Set ReadWrite properties only.");
    }

    @Test
    void aStreamedReadAsksForGzipAndHandsTheReaderTheDecompressedBodyAndItsMediaType() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> seen = new CopyOnWriteArrayList<>();
        server.createContext("/api/v1/topology", exchange -> {
            seen.add("accept=" + exchange.getRequestHeaders().getFirst("Accept") + " encoding="
                    + exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(compressed)) {
                gzip.write("{\"rows\":true}".getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.example+json; charset=UTF-8");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, compressed.size());
            try (OutputStream out = exchange.getResponseBody()) {
                compressed.writeTo(out);
            }
        });
        server.start();
        HttpFleetClient client = new HttpFleetClient(
                ServerAddress.parse("http://127.0.0.1:" + server.getAddress().getPort()),
                new Credentials("admin", "pw"),
                monitor);

        String read = client.read(
                "/api/v1/topology",
                "application/vnd.example+json",
                (mediaType, body) -> mediaType + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));

        assertThat(read).isEqualTo("application/vnd.example+json {\"rows\":true}");
        assertThat(seen)
                .singleElement()
                .asString()
                .contains("accept=application/vnd.example+json, application/problem+json", "encoding=gzip");
    }

    @Test
    void aRefusedStreamedReadThrowsTheProblem() {
        HttpFleetClient client = clientFor(
                "/api/v1/topology",
                403,
                "application/problem+json",
                "{\"title\":\"Forbidden\",\"status\":403,\"code\":\"forbidden\",\"detail\":\"no\"}",
                new CopyOnWriteArrayList<>());
        assertThatThrownBy(() -> client.read("/api/v1/topology", "application/json", (type, body) -> "read"))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("forbidden");
    }

    @Test
    void anUnreadableStreamedBodyIsNotMistakenForAnUnreachableServer() {
        HttpFleetClient client =
                clientFor("/api/v1/topology", 200, "application/json", "{not json", new CopyOnWriteArrayList<>());
        assertThatThrownBy(() -> client.read("/api/v1/topology", "application/json", (type, body) -> {
                    try (var parser = new com.fasterxml.jackson.core.JsonFactory().createParser(body)) {
                        while (parser.nextToken() != null) {
                            // read to the error
                        }
                    }
                    return "read";
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(monitor.reachableProperty().get()).isTrue();
    }

    @Test
    void noAnswerMarksTheServerUnreachableAndRetriesUntilItAnswers() throws Exception {
        HttpFleetClient client = clientFor("/api/v1/me", 200, "application/json", "{}", new CopyOnWriteArrayList<>());
        int port = server.getAddress().getPort();
        server.stop(0);
        AtomicReference<Boolean> reconnected = new AtomicReference<>(false);
        monitor.onReconnect(() -> reconnected.set(true));
        monitor.probeWith(() -> client.get("/api/v1/me"));

        assertThatThrownBy(() -> client.get("/api/v1/me")).isInstanceOf(ServerUnreachableException.class);
        assertThat(monitor.reachableProperty().get()).isFalse();
        assertThat(monitor.nextRetryProperty().get()).isPresent();

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/v1/me", exchange -> respond(exchange, 200, "application/json", "{}"));
        server.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!reconnected.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(reconnected.get()).as("the probe found the server again").isTrue();
        assertThat(monitor.reachableProperty().get()).isTrue();
    }
}
