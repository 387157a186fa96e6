package io.edgefleet.server.it.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The server's REST API over java.net.http, as a client sees it. */
public final class FleetClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String ADMIN = "admin";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;
    private final Optional<String> authorization;

    private FleetClient(String baseUrl, Optional<String> authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty("it.http.port", "9080");
    }

    public static String adminPassword() {
        return System.getProperty("it.admin.password", "it-admin-password-1");
    }

    public static FleetClient admin() {
        return as(ADMIN, adminPassword());
    }

    public static FleetClient anonymous() {
        return new FleetClient(baseUrl(), Optional.empty());
    }

    public static FleetClient as(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new FleetClient(baseUrl(), Optional.of("Basic " + basic));
    }

    /** A fresh name nobody else in this run uses, e.g. {@code it-a1b2c3d4-edge}. */
    public static String uniqueName(String suffix) {
        return "it-" + UUID.randomUUID().toString().substring(0, 8) + "-" + suffix;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).GET();
        headers.forEach(builder::setHeader);
        return send(builder);
    }

    /**
     * A GET that accepts gzip: a compressed body is decompressed for {@link Reply#body()}, and its
     * Content-Encoding header stays in {@link Reply#headers()} for the assertions.
     */
    public Reply getAcceptingGzip(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).GET().setHeader("Accept-Encoding", "gzip");
        headers.forEach(builder::setHeader);
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
                try (java.util.zip.GZIPInputStream in =
                        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            return new Reply(response.statusCode(), response.headers(), body, parse(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(body(json)));
    }

    public Reply post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(body(body)));
    }

    public Reply mergePatch(String path, String json, Optional<String> ifMatch) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", body(json));
        ifMatch.ifPresent(tag -> builder.header("If-Match", tag));
        return send(builder);
    }

    public Reply put(String path, String json, Optional<String> ifMatch) {
        HttpRequest.Builder builder =
                request(path).header("Content-Type", "application/json").PUT(body(json));
        ifMatch.ifPresent(tag -> builder.header("If-Match", tag));
        return send(builder);
    }

    public Reply send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).method(method, body));
    }

    public Reply delete(String path, Optional<String> ifMatch) {
        HttpRequest.Builder builder = request(path).DELETE();
        ifMatch.ifPresent(tag -> builder.header("If-Match", tag));
        return send(builder);
    }

    // --- the calls most tests need --------------------------------------------------------------

    /** Creates a token (admin) and returns its secret. */
    public String createToken(String node, long ttlSeconds) {
        Reply reply =
                post("/api/v1/enrollment-tokens", "{\"ttlSeconds\":" + ttlSeconds + ",\"node\":\"" + node + "\"}");
        if (reply.status() != 201) {
            throw new AssertionError("token creation failed: " + reply);
        }
        return reply.json().path("token").asText();
    }

    /** Enrolls a node with a token (no authentication needed). */
    public static Reply enroll(String token, String node) {
        return anonymous()
                .post(
                        "/api/v1/enrollments",
                        "{\"token\":\"" + token + "\",\"node\":\"" + node
                                + "\",\"agentVersion\":\"0.1.0\",\"os\":\"Linux\",\"arch\":\"amd64\",\"hostname\":\"pc-7\"}");
    }

    /** Creates a token bound to a fresh node and enrolls it; returns the enrollment answer. */
    public JsonNode enrollNewNode(String node) {
        Reply reply = enroll(createToken(node, 600), node);
        if (reply.status() != 201) {
            throw new AssertionError("enrollment failed: " + reply);
        }
        return reply.json();
    }

    /** Creates a user with a role (admin) and returns a client acting as that user. */
    public FleetClient createUser(String role) {
        String name = uniqueName(role);
        String password = "pw-" + UUID.randomUUID();
        Reply reply = post(
                "/api/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
        if (reply.status() != 201) {
            throw new AssertionError("user creation failed: " + reply);
        }
        return as(name, password);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
