package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.Reply;
import io.edgefleet.testsupport.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Enrollment tokens and the enrollment of edge nodes, as the contract in docs/protocol.md says. */
@ExtendWith(ArquillianExtension.class)
class EnrollmentIT {
    private final FleetClient admin = FleetClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void tokenSecretIsShownOnceAndStoredOnlyAsHash() {
        String node = FleetClient.uniqueName("once");
        Reply created = admin.post("/api/v1/enrollment-tokens", "{\"ttlSeconds\":3600,\"node\":\"" + node + "\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isPresent();
        assertThat(created.json().path("token").asText()).startsWith("eft_").hasSize(47);
        assertThat(created.json().path("node").asText()).isEqualTo(node);
        assertThat(Instant.parse(created.json().path("expiresAt").asText()))
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        Reply listed = admin.get("/api/v1/enrollment-tokens");
        JsonNode mine =
                find(listed.json().path("items"), created.json().path("id").asText());
        assertThat(mine.path("state").asText()).isEqualTo("Active");
        assertThat(mine.has("token")).isFalse();
        assertThat(listed.body()).doesNotContain(created.json().path("token").asText());
    }

    @Test
    void enrollmentAnswersTheNodesMqttIdentity() {
        String node = FleetClient.uniqueName("ident");

        Reply reply = FleetClient.enroll(admin.createToken(node, 600), node);

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.path("tenant").asText()).isEqualTo("default");
        assertThat(body.path("node").asText()).isEqualTo(node);
        assertThat(body.path("username").asText()).isEqualTo(node + "@default");
        assertThat(body.path("password").asText()).hasSize(43);
        assertThat(body.path("mqttUrl").asText()).startsWith("tcp://127.0.0.1:");
        assertThat(body.path("heartbeatSeconds").asInt()).isEqualTo(1);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(admin.get("/api/v1/nodes/" + node)
                        .json()
                        .path("status")
                        .path("phase")
                        .asText())
                .isEqualTo("Pending");
    }

    @Test
    void reusedTokenIsRefusedWith409() {
        String node = FleetClient.uniqueName("reuse");
        String token = admin.createToken(node, 600);
        assertThat(FleetClient.enroll(token, node).status()).isEqualTo(201);

        Reply again = FleetClient.enroll(token, node);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.code()).isEqualTo("enrollment-token-used");
    }

    @Test
    void expiredTokenIsRefusedWith410() {
        String node = FleetClient.uniqueName("expired");
        Reply created = admin.post("/api/v1/enrollment-tokens", "{\"ttlSeconds\":1,\"node\":\"" + node + "\"}");
        Instant expiresAt = Instant.parse(created.json().path("expiresAt").asText());
        Wait.until("the token to expire", Duration.ofSeconds(5), () -> Instant.now()
                .isAfter(expiresAt));

        Reply reply = FleetClient.enroll(created.json().path("token").asText(), node);

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.code()).isEqualTo("enrollment-token-expired");
        assertThat(admin.get("/api/v1/nodes/" + node).status()).isEqualTo(404);
    }

    @Test
    void unknownOrMalformedTokenIsRefusedWith401() {
        String node = FleetClient.uniqueName("unknown");

        Reply unknown = FleetClient.enroll("eft_" + "A".repeat(43), node);
        Reply garbage = FleetClient.enroll("hello", node);

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("enrollment-token-invalid");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.code()).isEqualTo("enrollment-token-invalid");
    }

    @Test
    void tokenBoundToAnotherNodeIsRefused() {
        String token = admin.createToken(FleetClient.uniqueName("bound"), 600);

        Reply reply = FleetClient.enroll(token, FleetClient.uniqueName("other"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("enrollment-token-invalid");
    }

    @Test
    void existingNodeNameIsRefusedWith409AndTheTokenStaysUsable() {
        String node = FleetClient.uniqueName("twice");
        admin.enrollNewNode(node);
        Reply created = admin.post("/api/v1/enrollment-tokens", "{\"ttlSeconds\":600}");
        String token = created.json().path("token").asText();

        Reply clash = FleetClient.enroll(token, node);
        Reply elsewhere = FleetClient.enroll(token, FleetClient.uniqueName("second"));

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.code()).isEqualTo("node-exists");
        assertThat(elsewhere.status()).isEqualTo(201);
    }

    @Test
    void concurrentDoubleEnrollmentWithOneTokenCreatesOneNode() throws Exception {
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ttlSeconds\":600}")
                .json()
                .path("token")
                .asText();
        int attempts = 6;
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            nodes.add(FleetClient.uniqueName("race" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            for (String node : nodes) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return FleetClient.enroll(token, node);
                }));
            }
            start.countDown();
            List<Reply> results = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                results.add(reply.get());
            }

            assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(results)
                    .filteredOn(r -> r.status() != 201)
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(409, 503));
            assertThat(nodes.stream()
                            .filter(n -> admin.get("/api/v1/nodes/" + n).status() == 200)
                            .count())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidNodeNameIsRefusedWith400() {
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ttlSeconds\":600}")
                .json()
                .path("token")
                .asText();

        Reply reply = FleetClient.enroll(token, "Not_A_DNS_Label");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid-name");
    }

    @Test
    void enrollmentWithoutTokenIsRefusedWith400() {
        Reply reply = FleetClient.anonymous().post("/api/v1/enrollments", "{\"node\":\"x\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid-request");
    }

    @Test
    void deletedTokenCannotEnroll() {
        String node = FleetClient.uniqueName("revoked");
        Reply created = admin.post("/api/v1/enrollment-tokens", "{\"ttlSeconds\":600,\"node\":\"" + node + "\"}");

        Reply deleted = admin.delete(
                "/api/v1/enrollment-tokens/" + created.json().path("id").asText(), Optional.empty());
        Reply reply = FleetClient.enroll(created.json().path("token").asText(), node);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void tokenLifetimeOutsideOneSecondToThirtyDaysIsRefusedWith400() {
        Reply zero = admin.post("/api/v1/enrollment-tokens", "{\"ttlSeconds\":0}");
        Reply tooLong = admin.post("/api/v1/enrollment-tokens", "{\"ttlSeconds\":2592001}");
        Reply badNode = admin.post("/api/v1/enrollment-tokens", "{\"node\":\"Bad Name\"}");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.code()).isEqualTo("invalid-request");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(badNode.status()).isEqualTo(400);
        assertThat(badNode.code()).isEqualTo("invalid-name");
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("token " + id + " is not listed");
    }
}
