package io.edgefleet.systemtest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** The few REST calls the system tests and benchmarks need, through the public API only. */
public final class FleetApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String baseUrl;
    private final String authorization;

    FleetApi(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a one-time enrollment token bound to {@code node} and returns its secret. */
    public String createEnrollmentToken(String node) {
        String body = "{\"ttlSeconds\":600,\"node\":\"" + node + "\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/enrollment-tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "token creation answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body()).path("token").asText();
    }

    /** The node resource, or empty when it does not exist. */
    public Optional<JsonNode> node(String name) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/v1/nodes/" + name)).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET node answered " + response.statusCode() + ": " + response.body());
        }
        return Optional.of(read(response.body()));
    }

    /** The node's phase (Pending, Online, Offline), or "Absent". */
    public String phase(String name) {
        return node(name).map(n -> n.path("status").path("phase").asText()).orElse("Absent");
    }

    /** Creates a workload from its JSON body; returns the created resource. */
    public JsonNode createWorkload(String json) {
        return expect(
                201,
                "POST workload",
                send(HttpRequest.newBuilder(uri("/api/v1/workloads"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** Applies a JSON Merge Patch to a workload; returns the changed resource. */
    public JsonNode patchWorkload(String name, String mergePatch) {
        return expect(
                200,
                "PATCH workload",
                send(HttpRequest.newBuilder(uri("/api/v1/workloads/" + name))
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(mergePatch))));
    }

    public JsonNode workload(String name) {
        return expect(
                200,
                "GET workload",
                send(HttpRequest.newBuilder(uri("/api/v1/workloads/" + name)).GET()));
    }

    /** The per-node instances of a workload (first 1,000). */
    public JsonNode instances(String name) {
        return expect(
                200,
                "GET instances",
                send(HttpRequest.newBuilder(uri("/api/v1/workloads/" + name + "/instances?limit=1000"))
                        .GET()));
    }

    /** The reported phase of the workload's instance on {@code node}, or "None" before any report. */
    public String instancePhase(String workload, String node) {
        for (JsonNode item : instances(workload).path("items")) {
            if (node.equals(item.path("node").asText())) {
                return item.path("phase").asText();
            }
        }
        return "None";
    }

    public void deleteWorkload(String name) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/v1/workloads/" + name)).DELETE());
        if (response.statusCode() != 204) {
            throw new IllegalStateException(
                    "DELETE workload answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Uploads {@code content} as an artifact named {@code name}; returns the artifact (201 or 200). */
    public JsonNode uploadArtifact(String name, byte[] content) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/artifacts?name=" + name))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException(
                    "artifact upload answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    /** DELETE of an artifact, whatever the server answers (204, 404, 409). */
    public HttpResponse<String> deleteArtifact(String sha256) {
        return send(HttpRequest.newBuilder(uri("/api/v1/artifacts/" + sha256)).DELETE());
    }

    /** A GET of any path whose answer the caller checks, refusals included. */
    public HttpResponse<String> getResponse(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET of any path, answered 200 with JSON. */
    public JsonNode get(String path) {
        return expect(200, "GET " + path, send(HttpRequest.newBuilder(uri(path)).GET()));
    }

    /** A JSON Merge Patch of any path, answered 200 with JSON. */
    public JsonNode mergePatch(String path, String json) {
        return expect(
                200,
                "PATCH " + path,
                send(HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(json))));
    }

    /** A JSON POST whose answer the caller checks, refusals included. */
    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** What enrollment hands a node: where its broker is and the credentials it connects with. */
    public record Enrollment(String tenant, String node, String mqttUrl, String username, String password) {}

    /** Creates a token for {@code node} and enrolls it, as the edge daemon does at its first start. */
    public Enrollment enroll(String node) {
        String body = "{\"token\":\"" + createEnrollmentToken(node) + "\",\"node\":\"" + node
                + "\",\"agentVersion\":\"bench\",\"os\":\"linux\",\"arch\":\"amd64\",\"hostname\":\"bench\"}";
        JsonNode answer = expect(
                201,
                "POST enrollment",
                send(HttpRequest.newBuilder(uri("/api/v1/enrollments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))));
        return new Enrollment(
                answer.path("tenant").asText(),
                answer.path("node").asText(),
                answer.path("mqttUrl").asText(),
                answer.path("username").asText(),
                answer.path("password").asText());
    }

    /** A GET of any path answered 200 with text (the Prometheus metrics at /metrics). */
    public String text(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET(), "text/plain");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static JsonNode expect(int status, String what, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String accept) {
        try {
            return http.send(
                    request.header("Authorization", authorization)
                            .header("Accept", accept)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
