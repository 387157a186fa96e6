package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.Reply;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input never gets a 500: every case answers its 4xx problem+json with a stable code. Also the
 * operational endpoints (OpenAPI, health, metrics).
 */
@ExtendWith(ArquillianExtension.class)
class RequestValidationIT {
    private static final String TOKENS = "/api/v1/enrollment-tokens";
    private final FleetClient admin = FleetClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void malformedJsonIsRefusedWith400() {
        assertProblem(admin.post(TOKENS, "{\"ttlSeconds\":"), 400, "malformed-json");
        assertProblem(admin.post(TOKENS, "{\"ttlSeconds\":60} trailing"), 400, "malformed-json");
        assertProblem(admin.post(TOKENS, ""), 400, "malformed-json");
    }

    @Test
    void unknownFieldIsRefusedWith400() {
        Reply reply = admin.post(TOKENS, "{\"ttlSeconds\":60,\"nodes\":\"x\"}");

        assertProblem(reply, 400, "unknown-field");
        assertThat(reply.json().path("detail").asText()).contains("nodes");
    }

    @Test
    void wrongTypeIsRefusedWith400() {
        assertProblem(admin.post(TOKENS, "{\"ttlSeconds\":\"60\"}"), 400, "invalid-type");
        assertProblem(admin.post(TOKENS, "{\"ttlSeconds\":1.5}"), 400, "invalid-type");
        assertProblem(admin.post(TOKENS, "{\"node\":42}"), 400, "invalid-type");
        assertProblem(admin.post(TOKENS, "[]"), 400, "invalid-type");
        assertProblem(
                FleetClient.anonymous().post("/api/v1/enrollments", "{\"token\":true,\"node\":\"a\"}"),
                400,
                "invalid-type");
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() {
        Reply reply = admin.post(TOKENS, largeJson());

        assertProblem(reply, 413, "payload-too-large");
    }

    @Test
    void chunkedBodyOverOneMebibyteIsRefusedWith413() {
        byte[] body = largeJson().getBytes(StandardCharsets.UTF_8);

        Reply reply = admin.send(
                "POST",
                TOKENS,
                "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertProblem(reply, 413, "payload-too-large");
    }

    @Test
    void unsupportedMediaTypeIsRefusedWith415() {
        assertProblem(admin.post(TOKENS, "text/plain", "ttl=60"), 415, "unsupported-media-type");
        assertProblem(
                admin.send("PATCH", "/api/v1/nodes/any", "application/json", HttpRequest.BodyPublishers.ofString("{}")),
                415,
                "unsupported-media-type");
    }

    @Test
    void unknownPathAnswers404Problem() {
        assertProblem(admin.get("/api/v1/no-such-thing"), 404, "not-found");
        assertProblem(admin.get("/no-such-thing"), 404, "not-found");
        assertProblem(admin.get("/api/v1/nodes/no-such-node"), 404, "not-found");
    }

    @Test
    void wrongMethodAnswers405WithAllow() {
        Reply reply =
                admin.send("PUT", "/api/v1/nodes/x", "application/json", HttpRequest.BodyPublishers.ofString("{}"));

        assertProblem(reply, 405, "method-not-allowed");
        assertThat(reply.header("Allow")).isPresent();
    }

    @Test
    void badListParametersAreRefusedWith400() {
        assertProblem(admin.get("/api/v1/nodes?labelSelector=site%3D%3D%3D"), 400, "invalid-selector");
        assertProblem(admin.get("/api/v1/nodes?labelSelector=line+in+(1"), 400, "invalid-selector");
        assertProblem(admin.get("/api/v1/nodes?limit=abc"), 400, "invalid-request");
        assertProblem(admin.get("/api/v1/nodes?limit=1001"), 400, "invalid-request");
        assertProblem(admin.get("/api/v1/nodes?continue=not-a-token"), 400, "invalid-continue");
    }

    @Test
    void badMergePatchIsRefused() {
        String node = FleetClient.uniqueName("patch");
        admin.enrollNewNode(node);
        String path = "/api/v1/nodes/" + node;

        assertProblem(admin.mergePatch(path, "{\"metadata\":", java.util.Optional.empty()), 400, "malformed-json");
        assertProblem(
                admin.mergePatch(path, "{\"metadata\":{\"labels\":{\"a\":1}}}", java.util.Optional.empty()),
                400,
                "invalid-type");
        assertProblem(admin.mergePatch(path, "[1]", java.util.Optional.empty()), 422, "field-not-patchable");
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        Reply yaml = FleetClient.anonymous().get("/openapi");
        Reply json = FleetClient.anonymous().get("/openapi?format=JSON");

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("/api/v1/nodes").contains("/api/v1/enrollments");
        JsonNode doc = FleetClient.JSON.readTree(json.body());
        assertThat(doc.path("paths").has("/api/v1/nodes/{name}")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/nodes/{name}").has("patch")).isTrue();
        assertThat(doc.path("components").path("schemas").has("Node")).isTrue();
        assertThat(doc.path("components").path("schemas").has("Problem")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").has("basic")).isTrue();
    }

    @Test
    void healthAnswersLiveAndReady() {
        Reply live = FleetClient.anonymous().get("/health/live");
        Reply ready = FleetClient.anonymous().get("/health/ready");

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().path("status").asText()).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("edgefleet").contains("CONNECTED");
    }

    @Test
    void metricsAreServedInPrometheusForm() {
        Reply reply = FleetClient.anonymous().get("/metrics", Map.of("Accept", "text/plain"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("# TYPE edgefleet_nodes gauge").contains("edgefleet_nodes{");
    }

    private static String largeJson() {
        return "{\"node\":\"" + "a".repeat(1_100_000) + "\"}";
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:edgefleet:problem:" + code);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("title").asText()).isNotBlank();
        assertThat(reply.json().path("hint").asText()).isNotBlank();
    }
}
