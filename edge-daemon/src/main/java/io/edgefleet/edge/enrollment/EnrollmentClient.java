package io.edgefleet.edge.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.edge.config.Secret;
import io.edgefleet.edge.store.Identity;
import io.edgefleet.protocol.Names;
import io.edgefleet.protocol.ProtocolCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * One call of the enrollment contract: {@code POST {server-url}/api/v1/enrollments}. Answers are
 * turned into an {@link EnrollmentResult}; nothing here retries or stores. Uses {@link
 * HttpURLConnection}, as the artifact download does: the JDK's HttpClient loads about 650 classes (its
 * own stack and TLS set up even for plain HTTP) that stay loaded for the daemon's life, about 10 MB of
 * RSS for one request made once.
 */
public final class EnrollmentClient implements AutoCloseable {
    public static final String PATH = "/api/v1/enrollments";
    static final int DEFAULT_HEARTBEAT_SECONDS = 10;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper json = ProtocolCodec.newMapper(MAX_RESPONSE_BYTES);
    private final Clock clock;

    public EnrollmentClient(Clock clock) {
        this.clock = clock;
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
        HttpURLConnection connection = null;
        try {
            byte[] payload = json.writeValueAsBytes(body);
            connection = (HttpURLConnection) target.toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", "application/json, application/problem+json");
            connection.setFixedLengthStreamingMode(payload.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(payload);
            }
            int status = connection.getResponseCode();
            return interpret(target, status, readBody(connection, status));
        } catch (IOException | IllegalArgumentException e) {
            return new EnrollmentResult.Unreachable(target + ": " + describe(e));
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** The answer's body (the error stream for 4xx/5xx), at most {@link #MAX_RESPONSE_BYTES}. */
    private static byte[] readBody(HttpURLConnection connection, int status) throws IOException {
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return in == null ? new byte[0] : in.readNBytes(MAX_RESPONSE_BYTES);
        }
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

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT);
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    @Override
    public void close() {
        // Nothing held between calls: each enrollment opens and closes its own connection.
    }
}
