package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The artifact resource over HTTP against the real server: streamed upload into database chunks,
 * the size limit (the IT server runs with FLEET_ARTIFACT_MAX_MB=2), the expected hash, dedupe,
 * ranged downloads, who may do what (edge nodes with their own credentials may only read), and
 * deletion guarded by workloads.
 */
@ExtendWith(ArquillianExtension.class)
class ArtifactsApiIT {
    private static final int MIB = 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Random RANDOM = new Random();

    private final FleetClient admin = FleetClient.admin();
    private final String adminAuth = basic(FleetClient.ADMIN, FleetClient.adminPassword());

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void uploadIsStoredOnceAndAnsweredByHash() {
        byte[] content = randomBytes(MIB + MIB / 2);
        String sha = sha256(content);

        Bytes created = upload(adminAuth, "/api/v1/artifacts?name=press-tool&sha256=" + sha, content, Map.of());
        Bytes metadata = get(adminAuth, "/api/v1/artifacts/" + sha, Map.of());
        Bytes download = get(adminAuth, "/api/v1/artifacts/" + sha + "/content", Map.of());
        FleetClient integrator = admin.createUser("integrator");
        Reply again = integrator.send(
                "POST",
                "/api/v1/artifacts?name=other-name",
                "application/octet-stream",
                HttpRequest.BodyPublishers.ofByteArray(content));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/artifacts/" + sha));
        JsonNode json = created.json();
        assertThat(json.path("sha256").asText()).isEqualTo(sha);
        assertThat(json.path("name").asText()).isEqualTo("press-tool");
        assertThat(json.path("sizeBytes").asLong()).isEqualTo(content.length);
        assertThat(json.path("createdBy").asText()).isEqualTo("admin");
        assertThat(json.path("createdAt").asText()).isNotEmpty();
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.header("ETag")).contains("\"" + sha + "\"");
        assertThat(metadata.json()).isEqualTo(json);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Length")).contains(String.valueOf(content.length));
        assertThat(download.header("ETag")).contains("\"" + sha + "\"");
        assertThat(download.body()).isEqualTo(content);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("sha256").asText()).isEqualTo(sha);
        assertThat(again.json().path("name").asText()).isEqualTo("press-tool");
        Reply list = admin.get("/api/v1/artifacts?limit=1000");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").findValuesAsText("sha256")).containsOnlyOnce(sha);
    }

    @Test
    void listIsPagedInSha256Order() {
        java.util.List<String> uploaded = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] content = randomBytes(1000);
            assertThat(upload(adminAuth, "/api/v1/artifacts?name=paged", content, Map.of())
                            .status())
                    .isEqualTo(201);
            uploaded.add(sha256(content));
        }

        java.util.List<String> seen = new java.util.ArrayList<>();
        String next = "";
        for (int page = 0; page < 1000; page++) {
            Reply reply = admin.get("/api/v1/artifacts?limit=2" + (next.isEmpty() ? "" : "&continue=" + next));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.json().path("items").size()).isLessThanOrEqualTo(2);
            seen.addAll(reply.json().path("items").findValuesAsText("sha256"));
            next = reply.json().path("metadata").path("continue").asText("");
            if (next.isEmpty()) {
                break;
            }
        }
        Reply badToken = admin.get("/api/v1/artifacts?continue=not-a-token");

        assertThat(seen).containsAll(uploaded).doesNotHaveDuplicates().isSorted();
        assertThat(badToken.status()).isEqualTo(400);
        assertThat(badToken.code()).isEqualTo("invalid-continue");
    }

    @Test
    void rangeRequestResumesAcrossChunks() {
        byte[] content = randomBytes(MIB + 4096);
        String sha = sha256(content);
        assertThat(upload(adminAuth, "/api/v1/artifacts?name=ranged", content, Map.of())
                        .status())
                .isEqualTo(201);

        Bytes tail = get(adminAuth, "/api/v1/artifacts/" + sha + "/content", Map.of("Range", "bytes=1000000-"));
        Bytes middle =
                get(adminAuth, "/api/v1/artifacts/" + sha + "/content", Map.of("Range", "bytes=1048570-1048580"));
        Bytes beyond = get(
                adminAuth, "/api/v1/artifacts/" + sha + "/content", Map.of("Range", "bytes=" + content.length + "-"));
        Bytes otherVersion = get(
                adminAuth,
                "/api/v1/artifacts/" + sha + "/content",
                Map.of("Range", "bytes=1000000-", "If-Range", "\"" + "0".repeat(64) + "\""));

        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.header("Content-Range"))
                .contains("bytes 1000000-" + (content.length - 1) + "/" + content.length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(content, 1_000_000, content.length));
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 1_048_570, 1_048_581));
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).contains("bytes */" + content.length);
        assertThat(beyond.json().path("code").asText()).isEqualTo("range-not-satisfiable");
        assertThat(otherVersion.status()).isEqualTo(200);
        assertThat(otherVersion.body()).isEqualTo(content);
    }

    @Test
    void uploadOverTheLimitIsRefusedWith413AndNothingIsKept() {
        byte[] content = randomBytes(2 * MIB + 100 * 1024);
        String sha = sha256(content);

        // Chunked (no Content-Length): the server counts while it streams.
        Bytes chunked = send(
                adminAuth,
                "POST",
                "/api/v1/artifacts?name=too-big",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content)),
                Map.of("Content-Type", "application/octet-stream"));
        Bytes declared = upload(adminAuth, "/api/v1/artifacts?name=too-big", randomBytes(2 * MIB + 1), Map.of());

        assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);
        assertThat(chunked.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(chunked.json().path("code").asText()).isEqualTo("artifact-too-large");
        assertThat(declared.status()).isEqualTo(413);
        assertThat(admin.get("/api/v1/artifacts/" + sha).status()).isEqualTo(404);
    }

    @Test
    void uploadUnderTheLimitButOverTheJsonLimitIsAccepted() {
        byte[] content = randomBytes(MIB + 1);

        Bytes created = upload(adminAuth, "/api/v1/artifacts?name=over-json-limit", content, Map.of());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    @Test
    void wrongExpectedHashIsRefusedWith422AndNothingIsKept() {
        byte[] content = randomBytes(10_000);
        String sha = sha256(content);
        String otherBase64 = Base64.getEncoder().encodeToString(new byte[32]);

        Bytes byQuery = upload(adminAuth, "/api/v1/artifacts?name=bad&sha256=" + "0".repeat(64), content, Map.of());
        Bytes byHeader = upload(
                adminAuth,
                "/api/v1/artifacts?name=bad",
                content,
                Map.of("Repr-Digest", "sha-256=:" + otherBase64 + ":"));
        Bytes rightHeader = upload(
                adminAuth,
                "/api/v1/artifacts?name=good",
                content,
                Map.of(
                        "Repr-Digest",
                        "sha-256=:"
                                + Base64.getEncoder()
                                        .encodeToString(HexFormat.of().parseHex(sha)) + ":"));

        assertThat(byQuery.status()).isEqualTo(422);
        assertThat(byQuery.json().path("code").asText()).isEqualTo("digest-mismatch");
        assertThat(byHeader.status()).isEqualTo(422);
        assertThat(rightHeader.status()).isEqualTo(201);
        assertThat(upload(
                                adminAuth,
                                "/api/v1/artifacts?name=x",
                                new byte[1],
                                Map.of("Digest", "SHA-256=" + otherBase64))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void nodeCredentialsMayReadArtifactsAndNothingElse() {
        byte[] content = randomBytes(50_000);
        String sha = sha256(content);
        assertThat(upload(adminAuth, "/api/v1/artifacts?name=for-nodes", content, Map.of())
                        .status())
                .isEqualTo(201);
        String node = FleetClient.uniqueName("fetcher");
        JsonNode enrollment = admin.enrollNewNode(node);
        String nodeAuth = basic(
                enrollment.path("username").asText(),
                enrollment.path("password").asText());

        Bytes metadata = get(nodeAuth, "/api/v1/artifacts/" + sha, Map.of());
        Bytes content200 = get(nodeAuth, "/api/v1/artifacts/" + sha + "/content", Map.of("Range", "bytes=100-"));
        Bytes uploadTry = upload(nodeAuth, "/api/v1/artifacts?name=from-node", randomBytes(100), Map.of());
        Bytes deleteTry =
                send(nodeAuth, "DELETE", "/api/v1/artifacts/" + sha, HttpRequest.BodyPublishers.noBody(), Map.of());
        Bytes listTry = get(nodeAuth, "/api/v1/artifacts", Map.of());
        Bytes nodesTry = get(nodeAuth, "/api/v1/nodes", Map.of());
        Bytes wrongPassword = get(
                basic(enrollment.path("username").asText(), "not-the-password"), "/api/v1/artifacts/" + sha, Map.of());

        assertThat(metadata.status()).isEqualTo(200);
        assertThat(content200.status()).isEqualTo(206);
        assertThat(content200.body()).isEqualTo(Arrays.copyOfRange(content, 100, content.length));
        assertThat(uploadTry.status()).isEqualTo(403);
        assertThat(uploadTry.json().path("code").asText()).isEqualTo("forbidden");
        assertThat(deleteTry.status()).isEqualTo(403);
        assertThat(listTry.status()).isEqualTo(403);
        assertThat(nodesTry.status()).isEqualTo(403);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/artifacts/" + sha).status()).isEqualTo(200);
    }

    @Test
    void viewerMayReadButNotUpload() {
        FleetClient viewer = admin.createUser("viewer");

        Reply list = viewer.get("/api/v1/artifacts");
        Reply uploadTry = viewer.send(
                "POST",
                "/api/v1/artifacts?name=from-viewer",
                "application/octet-stream",
                HttpRequest.BodyPublishers.ofByteArray(randomBytes(100)));

        assertThat(list.status()).isEqualTo(200);
        assertThat(uploadTry.status()).isEqualTo(403);
        assertThat(uploadTry.code()).isEqualTo("forbidden");
    }

    @Test
    void artifactRunByAWorkloadCannotBeDeletedUntilTheWorkloadIsGone() {
        byte[] content = randomBytes(20_000);
        String sha = sha256(content);
        assertThat(upload(adminAuth, "/api/v1/artifacts?name=runner", content, Map.of())
                        .status())
                .isEqualTo(201);
        String workload = FleetClient.uniqueName("uses-artifact");
        Reply created = admin.post(
                "/api/v1/workloads",
                "{\"metadata\":{\"name\":\"" + workload + "\"},\"spec\":{\"selector\":\"nothing=matches\","
                        + "\"template\":{\"artifact\":{\"name\":\"runner\",\"sha256\":\"" + sha + "\",\"sizeBytes\":"
                        + content.length + "}},\"rollout\":{\"maxUnavailable\":1}}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        Reply inUse = admin.delete("/api/v1/artifacts/" + sha, Optional.empty());
        assertThat(admin.delete("/api/v1/workloads/" + workload, Optional.empty())
                        .status())
                .isEqualTo(204);
        Reply deleted = admin.delete("/api/v1/artifacts/" + sha, Optional.empty());
        Reply gone = admin.get("/api/v1/artifacts/" + sha);
        Reply goneContent = admin.get("/api/v1/artifacts/" + sha + "/content");

        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.code()).isEqualTo("artifact-in-use");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(goneContent.status()).isEqualTo(404);
    }

    // --- byte-level HTTP ------------------------------------------------------------------------

    private record Bytes(int status, java.net.http.HttpHeaders headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String text() {
            return status + " " + new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return FleetClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Bytes upload(String auth, String path, byte[] content, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/octet-stream");
        return send(auth, "POST", path, HttpRequest.BodyPublishers.ofByteArray(content), all);
    }

    private static Bytes get(String auth, String path, Map<String, String> headers) {
        return send(auth, "GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    private static Bytes send(
            String auth, String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FleetClient.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", auth)
                .method(method, body);
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
