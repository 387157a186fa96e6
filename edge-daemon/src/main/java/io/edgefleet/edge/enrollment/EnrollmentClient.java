package io.edgefleet.edge.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.edge.config.Secret;
import io.edgefleet.edge.store.Identity;
import io.edgefleet.protocol.Names;
import io.edgefleet.protocol.ProtocolCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * One call of the enrollment contract: {@code POST {server-url}/api/v1/enrollments}. Answers are
 * turned into an {@link EnrollmentResult}; nothing here retries or stores.
 */
public final class EnrollmentClient implements AutoCloseable {
    public static final String PATH = "/api/v1/enrollments";
    static final int DEFAULT_HEARTBEAT_SECONDS = 10;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final HttpClient http;
    private final ObjectMapper json = ProtocolCodec.newMapper(MAX_RESPONSE_BYTES);
    private final Clock clock;

    public EnrollmentClient(Clock clock) {
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public EnrollmentResult enroll(URI serverUrl, EnrollmentRequest request) {
        URI target = URI.create(serverUrl.toString().replaceAll("/+$", "") + PATH);
        ObjectNode body = json.createObjectNode()
                .put("token", request.token().reveal())
                .put("node", request.node())
                .put("agentVersion", request.agentVersion())
                .put("os", request.os())
                .put("arch", request.arch())
                .put("hostname", request.hostname());
        HttpResponse<byte[]> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, application/problem+json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new EnrollmentResult.Unreachable(target + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EnrollmentResult.Unreachable("interrupted");
        }
        return interpret(target, response.statusCode(), response.body());
    }

    private EnrollmentResult interpret(URI target, int status, byte[] body) {
        if (status == 200 || status == 201) {
            return parseIdentity(target, body);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new EnrollmentResult.Unreachable(target + " answered " + status);
        }
        JsonNode problem = readProblem(body);
        String code = problem.path("code").asText("");
        String detail = problem.path("detail").asText(problem.path("title").asText(""));
        return new EnrollmentResult.Refused(status, code.isEmpty() ? "http-" + status : code, shorten(detail));
    }

    private EnrollmentResult parseIdentity(URI target, byte[] body) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (IOException e) {
            return new EnrollmentResult.Unreachable(target + " answered with a body that is not JSON");
        }
        String tenant = answer.path("tenant").asText("");
        String node = answer.path("node").asText("");
        String mqttUrl = answer.path("mqttUrl").asText("");
        String username = answer.path("username").asText("");
        String password = answer.path("password").asText("");
        int heartbeat = answer.path("heartbeatSeconds").asInt(DEFAULT_HEARTBEAT_SECONDS);
        if (!Names.isValid(tenant)
                || !Names.isValid(node)
                || mqttUrl.isEmpty()
                || username.isEmpty()
                || password.isEmpty()) {
            // Not the contract: most likely a proxy or a different service; retrying may reach the right one.
            return new EnrollmentResult.Unreachable(
                    target + " answered without tenant, node, mqttUrl, username and password");
        }
        return new EnrollmentResult.Enrolled(new Identity(
                tenant,
                node,
                mqttUrl,
                username,
                new Secret(password),
                heartbeat > 0 ? heartbeat : DEFAULT_HEARTBEAT_SECONDS,
                clock.instant()));
    }

    private JsonNode readProblem(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 297) + "...";
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT);
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    @Override
    public void close() {
        http.close();
    }
}
