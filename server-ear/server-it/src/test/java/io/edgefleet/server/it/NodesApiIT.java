package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The node resource over HTTP: authentication, roles, labels, ETags, selectors, pages. */
@ExtendWith(ArquillianExtension.class)
class NodesApiIT {
    private final FleetClient admin = FleetClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void adminCanListNodes() {
        admin.enrollNewNode(FleetClient.uniqueName("listed"));

        Reply reply = admin.get("/api/v1/nodes");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("items").isArray()).isTrue();
        assertThat(reply.json().path("items").size()).isPositive();
        assertThat(reply.json().path("metadata").path("resourceVersion").asLong())
                .isPositive();
    }

    @Test
    void requestWithoutCredentialsIsRefusedWith401() {
        Reply reply = FleetClient.anonymous().get("/api/v1/nodes");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"edgefleet\""));
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("unauthenticated");
    }

    @Test
    void wrongPasswordIsRefusedWith401() {
        Reply reply = FleetClient.as(FleetClient.ADMIN, "not-the-password").get("/api/v1/nodes");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("unauthenticated");
    }

    @Test
    void viewerCanReadButCannotCreateEnrollmentTokens() {
        FleetClient viewer = admin.createUser("viewer");

        assertThat(viewer.get("/api/v1/nodes").status()).isEqualTo(200);
        Reply reply = viewer.post("/api/v1/enrollment-tokens", "{\"ttlSeconds\":60}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("forbidden");
    }

    @Test
    void plantEngineerCanRelabelButNotDeleteNodes() {
        String node = FleetClient.uniqueName("engineer");
        admin.enrollNewNode(node);
        FleetClient engineer = admin.createUser("plant-engineer");

        Reply patched = engineer.mergePatch(
                "/api/v1/nodes/" + node, "{\"metadata\":{\"labels\":{\"area\":\"press-shop\"}}}", Optional.empty());
        Reply deleted = engineer.delete("/api/v1/nodes/" + node, Optional.empty());

        assertThat(patched.status()).isEqualTo(200);
        assertThat(deleted.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/nodes/" + node).status()).isEqualTo(200);
    }

    @Test
    void enrolledNodeIsPendingAndItsLabelsArePatchable() {
        String node = FleetClient.uniqueName("pending");
        admin.enrollNewNode(node);

        Reply before = admin.get("/api/v1/nodes/" + node);
        Reply patched = admin.mergePatch(
                "/api/v1/nodes/" + node,
                "{\"metadata\":{\"labels\":{\"site\":\"hamburg\",\"line\":\"3\"}}}",
                Optional.empty());
        Reply removed = admin.mergePatch(
                "/api/v1/nodes/" + node, "{\"metadata\":{\"labels\":{\"line\":null}}}", Optional.empty());

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("status").path("phase").asText()).isEqualTo("Pending");
        assertThat(before.json().path("metadata").path("name").asText()).isEqualTo(node);
        assertThat(before.json().path("metadata").path("tenant").asText()).isEqualTo("default");
        assertThat(before.json().path("status").path("os").asText()).isEqualTo("Linux");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("metadata").path("labels").path("site").asText())
                .isEqualTo("hamburg");
        assertThat(removed.json().path("metadata").path("labels").has("line")).isFalse();
        assertThat(removed.json().path("metadata").path("labels").path("site").asText())
                .isEqualTo("hamburg");
        long v0 = before.json().path("metadata").path("resourceVersion").asLong();
        long v1 = patched.json().path("metadata").path("resourceVersion").asLong();
        long v2 = removed.json().path("metadata").path("resourceVersion").asLong();
        assertThat(v1).isGreaterThan(v0);
        assertThat(v2).isGreaterThan(v1);
    }

    @Test
    void getAnswersTheResourceVersionAsETag() {
        String node = FleetClient.uniqueName("etag");
        admin.enrollNewNode(node);

        Reply reply = admin.get("/api/v1/nodes/" + node);

        assertThat(reply.header("ETag"))
                .contains("\""
                        + reply.json().path("metadata").path("resourceVersion").asLong() + "\"");
    }

    @Test
    void staleIfMatchIsRefusedWith412AndCurrentOneApplies() {
        String node = FleetClient.uniqueName("ifmatch");
        admin.enrollNewNode(node);
        String etag = admin.get("/api/v1/nodes/" + node).header("ETag").orElseThrow();
        Reply first = admin.mergePatch(
                "/api/v1/nodes/" + node, "{\"metadata\":{\"labels\":{\"a\":\"1\"}}}", Optional.of(etag));

        Reply stale = admin.mergePatch(
                "/api/v1/nodes/" + node, "{\"metadata\":{\"labels\":{\"a\":\"2\"}}}", Optional.of(etag));
        Reply staleDelete = admin.delete("/api/v1/nodes/" + node, Optional.of(etag));
        Reply current = admin.mergePatch(
                "/api/v1/nodes/" + node,
                "{\"metadata\":{\"labels\":{\"a\":\"3\"}}}",
                Optional.of(first.header("ETag").orElseThrow()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("precondition-failed");
        assertThat(staleDelete.status()).isEqualTo(412);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().path("metadata").path("labels").path("a").asText())
                .isEqualTo("3");
    }

    @Test
    void patchOfAnythingButLabelsIsRefusedWith422() {
        String node = FleetClient.uniqueName("readonly");
        admin.enrollNewNode(node);

        Reply status =
                admin.mergePatch("/api/v1/nodes/" + node, "{\"status\":{\"phase\":\"Online\"}}", Optional.empty());
        Reply name = admin.mergePatch("/api/v1/nodes/" + node, "{\"metadata\":{\"name\":\"other\"}}", Optional.empty());

        assertThat(status.status()).isEqualTo(422);
        assertThat(status.code()).isEqualTo("field-not-patchable");
        assertThat(name.status()).isEqualTo(422);
        assertThat(name.code()).isEqualTo("field-not-patchable");
    }

    @Test
    void invalidLabelIsRefusedWith400() {
        String node = FleetClient.uniqueName("badlabel");
        admin.enrollNewNode(node);

        Reply reply = admin.mergePatch(
                "/api/v1/nodes/" + node, "{\"metadata\":{\"labels\":{\"bad key!\":\"x\"}}}", Optional.empty());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid-label");
    }

    @Test
    void labelSelectorFiltersNodesInTheDatabase() {
        String run = "r" + UUID.randomUUID().toString().substring(0, 8);
        String hamburg1 =
                label(run, "hh1", "{\"run\":\"" + run + "\",\"site\":\"hamburg\",\"line\":\"1\",\"gpu\":\"\"}");
        String hamburg2 = label(run, "hh2", "{\"run\":\"" + run + "\",\"site\":\"hamburg\",\"line\":\"2\"}");
        String berlin = label(run, "ber", "{\"run\":\"" + run + "\",\"site\":\"berlin\",\"line\":\"1\"}");

        assertThat(names("run=" + run + ",site=hamburg")).containsExactlyInAnyOrder(hamburg1, hamburg2);
        assertThat(names("run=" + run + ",site!=hamburg")).containsExactly(berlin);
        assertThat(names("run=" + run + ",line in (1,3)")).containsExactlyInAnyOrder(hamburg1, berlin);
        assertThat(names("run=" + run + ",line notin (1)")).containsExactly(hamburg2);
        assertThat(names("run=" + run + ",gpu")).containsExactly(hamburg1);
        assertThat(names("run=" + run + ",!gpu")).containsExactlyInAnyOrder(hamburg2, berlin);
        assertThat(names("run=" + run + ",site==berlin,line=1")).containsExactly(berlin);
    }

    @Test
    void pagesFollowContinueTokensInNameOrder() {
        String run = "p" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(label(run, "n" + i, "{\"page\":\"" + run + "\"}"));
        }
        List<String> seen = new ArrayList<>();
        String query = "/api/v1/nodes?limit=2&labelSelector=page%3D" + run;
        Reply page = admin.get(query);
        int pages = 1;
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
            page.json()
                    .path("items")
                    .forEach(n -> seen.add(n.path("metadata").path("name").asText()));
            JsonNode next = page.json().path("metadata").path("continue");
            if (next.isMissingNode() || next.isNull()) {
                break;
            }
            page = admin.get(query + "&continue=" + next.asText());
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created.stream().sorted().toList());
    }

    @Test
    void deletedNodeIsGone() {
        String node = FleetClient.uniqueName("deleted");
        admin.enrollNewNode(node);

        Reply deleted = admin.delete("/api/v1/nodes/" + node, Optional.empty());

        assertThat(deleted.status()).isEqualTo(204);
        Reply gone = admin.get("/api/v1/nodes/" + node);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("not-found");
    }

    private String label(String run, String suffix, String labelsJson) {
        String node = run + "-" + suffix;
        admin.enrollNewNode(node);
        Reply reply = admin.mergePatch(
                "/api/v1/nodes/" + node, "{\"metadata\":{\"labels\":" + labelsJson + "}}", Optional.empty());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return node;
    }

    private List<String> names(String selector) {
        Reply reply = admin.get("/api/v1/nodes?labelSelector="
                + java.net.URLEncoder.encode(selector, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        reply.json()
                .path("items")
                .forEach(n -> names.add(n.path("metadata").path("name").asText()));
        return names;
    }
}
