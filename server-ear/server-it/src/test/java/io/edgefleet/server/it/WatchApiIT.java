package io.edgefleet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Hello;
import io.edgefleet.protocol.WorkloadStatusReport;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.InstanceStatus;
import io.edgefleet.server.it.support.Deployments;
import io.edgefleet.server.it.support.FakeEdge;
import io.edgefleet.server.it.support.FleetClient;
import io.edgefleet.server.it.support.ItDatabase;
import io.edgefleet.server.it.support.Metrics;
import io.edgefleet.server.it.support.Reply;
import io.edgefleet.testsupport.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/watch/workloads} against the real EAR: live events, resuming by resourceVersion
 * and Last-Event-ID (replay, then live, no gap, no duplicate), 410 for a compacted version, 400 for a
 * bad one, roles, heartbeats and instance status reported by a Paho client playing the node. The
 * stream is read line by line with the JDK's HttpClient, as any SSE client would.
 */
@ExtendWith(ArquillianExtension.class)
class WatchApiIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String WATCH = "/api/v1/watch/workloads";

    private final FleetClient admin = FleetClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.edgefleetEar();
    }

    @Test
    void aChangeArrivesLiveWithItsVersionAsId() {
        try (SseStream watch = SseStream.open(WATCH, FleetClient.ADMIN, FleetClient.adminPassword(), Map.of())) {
            String name = FleetClient.uniqueName("live");
            long version = create(name);

            SseStream.Event added = watch.nextChange(WAIT);
            assertThat(added.name()).isEqualTo("ADDED");
            assertThat(added.id()).isEqualTo(Long.toString(version));
            JsonNode data = added.json();
            assertThat(data.path("metadata").path("name").asText()).isEqualTo(name);
            assertThat(data.path("metadata").path("resourceVersion").asLong()).isEqualTo(version);
            assertThat(data.path("spec").path("selector").asText()).isEqualTo("watch=none");
        }
    }

    @Test
    void resumingReplaysExactlyTheMissedChangesThenGoesLive() {
        String first = FleetClient.uniqueName("r1");
        String second = FleetClient.uniqueName("r2");
        long seen = create(first);
        long modified = version(admin.mergePatch(
                "/api/v1/workloads/" + first, "{\"metadata\":{\"labels\":{\"tier\":\"b\"}}}", Optional.empty()));
        long added = create(second);
        assertThat(admin.delete("/api/v1/workloads/" + second, Optional.empty()).status())
                .isEqualTo(204);
        // The delete's version, or a later one: recording its audit event advances the version too.
        long deletedBy = currentVersion();

        try (SseStream watch = SseStream.open(
                WATCH + "?resourceVersion=" + seen, FleetClient.ADMIN, FleetClient.adminPassword(), Map.of())) {
            String third = FleetClient.uniqueName("r3");
            long live = create(third);

            List<SseStream.Event> changes = watch.changesUpTo(live, WAIT);
            assertThat(changes)
                    .extracting(
                            SseStream.Event::name,
                            e -> e.json().path("metadata").path("name").asText())
                    .containsExactly(
                            tuple("MODIFIED", first),
                            tuple("ADDED", second),
                            tuple("DELETED", second),
                            tuple("ADDED", third));
            assertThat(changes.get(0).id()).isEqualTo(Long.toString(modified));
            assertThat(changes.get(1).id()).isEqualTo(Long.toString(added));
            assertThat(Long.parseLong(changes.get(2).id())).isBetween(added + 1, deletedBy);
            assertThat(changes.get(3).id()).isEqualTo(Long.toString(live));
            assertThat(changes.get(0)
                            .json()
                            .path("metadata")
                            .path("labels")
                            .path("tier")
                            .asText())
                    .isEqualTo("b");
        }
    }

    @Test
    void lastEventIdResumesAndWinsOverTheQueryParameter() {
        long before = create(FleetClient.uniqueName("l1"));
        String next = FleetClient.uniqueName("l2");
        long after = create(next);

        try (SseStream watch = SseStream.open(
                WATCH + "?resourceVersion=0",
                FleetClient.ADMIN,
                FleetClient.adminPassword(),
                Map.of("Last-Event-ID", Long.toString(before)))) {
            SseStream.Event replayed = watch.nextChange(WAIT);
            assertThat(replayed.id()).isEqualTo(Long.toString(after));
            assertThat(replayed.json().path("metadata").path("name").asText()).isEqualTo(next);
        }
    }

    @Test
    void aCompactedVersionIsGoneWithAHint() throws SQLException {
        create(FleetClient.uniqueName("c1"));
        // The workload's version, not the tenant's: its audit event took the next one.
        long current = create(FleetClient.uniqueName("c2"));
        long compactedBefore = compactedVersion();
        setCompactedVersion(current - 1);
        try {
            Reply gone = admin.get(WATCH + "?resourceVersion=" + (current - 2), Map.of("Accept", "text/event-stream"));
            assertThat(gone.status()).isEqualTo(410);
            assertThat(gone.contentType()).startsWith("application/problem+json");
            assertThat(gone.code()).isEqualTo("resource-version-too-old");
            assertThat(gone.json().path("hint").asText()).contains("metadata.resourceVersion");

            // At the compacted version itself nothing is missing.
            try (SseStream watch = SseStream.open(
                    WATCH + "?resourceVersion=" + (current - 1),
                    FleetClient.ADMIN,
                    FleetClient.adminPassword(),
                    Map.of())) {
                assertThat(watch.nextChange(WAIT).id()).isEqualTo(Long.toString(current));
            }
        } finally {
            setCompactedVersion(compactedBefore);
        }
    }

    @Test
    void aVersionThatIsNoNumberIsABadRequest() {
        Map<String, String> sse = Map.of("Accept", "text/event-stream");
        Reply query = admin.get(WATCH + "?resourceVersion=abc", sse);
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.contentType()).startsWith("application/problem+json");
        assertThat(query.code()).isEqualTo("invalid-request");
        assertThat(query.json().path("detail").asText()).contains("resourceVersion");

        Reply header = admin.get(WATCH, Map.of("Accept", "text/event-stream", "Last-Event-ID", "-4"));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.json().path("detail").asText()).contains("Last-Event-ID");

        assertThat(admin.get("/api/v1/watch/gadgets", sse).status()).isEqualTo(404);
    }

    @Test
    void aViewerMayWatchAndNobodyElseWithoutCredentials() {
        String viewer = FleetClient.uniqueName("viewer");
        String password = "pw-" + viewer;
        assertThat(admin.post(
                                "/api/v1/users",
                                "{\"username\":\"" + viewer + "\",\"password\":\"" + password
                                        + "\",\"role\":\"viewer\"}")
                        .status())
                .isEqualTo(201);
        Reply anonymous = FleetClient.anonymous().get(WATCH, Map.of("Accept", "text/event-stream"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthenticated");
        assertThat(anonymous.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        try (SseStream watch = SseStream.open(WATCH, viewer, password, Map.of())) {
            String name = FleetClient.uniqueName("seen");
            create(name);
            assertThat(watch.nextChange(WAIT)
                            .json()
                            .path("metadata")
                            .path("name")
                            .asText())
                    .isEqualTo(name);
        }
    }

    @Test
    void reportedInstanceStatusStreamsAsInstanceEvents() throws Exception {
        String line = FleetClient.uniqueName("il");
        String node = FleetClient.uniqueName("in");
        JsonNode enrollment = admin.enrollNewNode(node);
        assertThat(admin.mergePatch(
                                "/api/v1/nodes/" + node,
                                "{\"metadata\":{\"labels\":{\"line\":\"" + line + "\"}}}",
                                Optional.empty())
                        .status())
                .isEqualTo(200);
        String workload = FleetClient.uniqueName("iw");
        create(workload, "line=" + line);

        try (SseStream watch = SseStream.open(WATCH, FleetClient.ADMIN, FleetClient.adminPassword(), Map.of());
                FakeEdge edge = FakeEdge.connect(enrollment, node)) {
            edge.hello(new Hello("0.1.0", 0, 0, Instant.now()));
            Instant since = Instant.parse("2025-03-01T12:00:00Z");
            edge.send(Envelope.reliable(
                    node,
                    1,
                    Instant.now(),
                    new WorkloadStatusReport(List.of(new InstanceStatus(
                            workload, 1, InstancePhase.FAILED, 3, Optional.of(137), "killed", since)))));

            SseStream.Event instance = watch.next(WAIT, e -> "instance".equals(e.name()));
            assertThat(instance.id()).as("instance events are not resumable").isEmpty();
            JsonNode data = instance.json();
            assertThat(data.path("workload").asText()).isEqualTo(workload);
            assertThat(data.path("node").asText()).isEqualTo(node);
            assertThat(data.path("generation").asLong()).isEqualTo(1);
            assertThat(data.path("phase").asText()).isEqualTo("Failed");
            assertThat(data.path("restarts").asInt()).isEqualTo(3);
            assertThat(data.path("lastExitCode").asInt()).isEqualTo(137);
            assertThat(data.path("message").asText()).isEqualTo("killed");
            assertThat(Instant.parse(data.path("since").asText())).isEqualTo(since);
        }
    }

    @Test
    void anIdleStreamGetsHeartbeatsAndStaysOpen() {
        try (SseStream watch = SseStream.open(WATCH, FleetClient.ADMIN, FleetClient.adminPassword(), Map.of())) {
            // The first comment opens the stream; the next one is a heartbeat, at most 15 s later.
            watch.next(WAIT, SseStream.Event::comment);
            watch.next(Duration.ofSeconds(30), SseStream.Event::comment);

            String name = FleetClient.uniqueName("after-idle");
            long version = create(name);
            assertThat(watch.nextChange(WAIT).id()).isEqualTo(Long.toString(version));
        }
    }

    @Test
    void aClientThatWentAwayIsDropped() {
        try (SseStream watch = SseStream.open(WATCH, FleetClient.ADMIN, FleetClient.adminPassword(), Map.of())) {
            watch.next(WAIT, SseStream.Event::comment);
            assertThat(subscribers()).isGreaterThanOrEqualTo(1);
        }
        // Every stream of this class is closed now; the server notices at its next write (a heartbeat
        // at the latest, every 15 s), maybe only at the second one when the first still fits the socket.
        Wait.until(
                "the closed streams to be dropped",
                Duration.ofSeconds(50),
                Duration.ofMillis(250),
                () -> subscribers() == 0);
    }

    private static double subscribers() {
        return Metrics.value("edgefleet_watch_subscribers", "kind", "workloads");
    }

    // --- helpers ------------------------------------------------------------------------------------

    private long create(String name) {
        return create(name, "watch=none");
    }

    private long create(String name, String selector) {
        Reply reply = admin.post(
                "/api/v1/workloads",
                "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"selector\":\"" + selector
                        + "\",\"template\":{\"command\":[\"sleep\",\"60\"]},\"rollout\":{\"maxUnavailable\":1}}}");
        assertThat(reply.status()).as("create %s: %s", name, reply).isEqualTo(201);
        return version(reply);
    }

    private static long version(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
        return Long.parseLong(
                reply.header("ETag").orElseThrow().replace("\"", "").replace("W/", ""));
    }

    private long currentVersion() {
        return admin.get("/api/v1/workloads?limit=1")
                .json()
                .path("metadata")
                .path("resourceVersion")
                .asLong();
    }

    // The change log is compacted after days; the test sets tenant.compacted_version itself, through the
    // database the server uses (H2 through its AUTO_SERVER port, or the run's MariaDB database).

    private static long compactedVersion() throws SQLException {
        try (Connection db = database();
                PreparedStatement select =
                        db.prepareStatement("SELECT compacted_version FROM tenant WHERE name = 'default'");
                ResultSet row = select.executeQuery()) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }

    private static void setCompactedVersion(long version) throws SQLException {
        try (Connection db = database();
                PreparedStatement update =
                        db.prepareStatement("UPDATE tenant SET compacted_version = ? WHERE name = 'default'")) {
            update.setLong(1, version);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection database() throws SQLException {
        if (ItDatabase.isMariaDb()) {
            return DriverManager.getConnection(
                    System.getProperty("it.mariadb.server") + System.getProperty("it.mariadb.database"), "root", "");
        }
        String dataDir = System.getenv("FLEET_DATA_DIR");
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalStateException("FLEET_DATA_DIR is not set: run the ITs through Maven (server-it/pom.xml)");
        }
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir + "/fleet;MODE=MySQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "sa", "");
    }

    /** A Server-Sent Events stream read line by line on a thread of its own. */
    static final class SseStream implements AutoCloseable {
        private static final HttpClient HTTP = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();

        /** One event; a comment line is an event of its own with {@code comment} set. */
        record Event(String id, String name, String data, boolean comment) {
            JsonNode json() {
                try {
                    return FleetClient.JSON.readTree(data);
                } catch (IOException e) {
                    throw new AssertionError("event data is not JSON: " + data, e);
                }
            }
        }

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Stream<String> lines;
        private final Thread reader;

        private SseStream(Stream<String> lines) {
            this.lines = lines;
            this.reader = Thread.ofPlatform().daemon().name("sse-reader").start(this::read);
        }

        static SseStream open(String path, String user, String password, Map<String, String> headers) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FleetClient.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Basic " + basic)
                    .GET();
            headers.forEach(request::header);
            try {
                HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    String body = String.join("\n", response.body().toList());
                    throw new AssertionError("watch " + path + " answered " + response.statusCode() + ": " + body);
                }
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
                return new SseStream(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void read() {
            String id = "";
            String name = "";
            StringBuilder data = new StringBuilder();
            boolean hasData = false;
            try {
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (hasData || !name.isEmpty() || !id.isEmpty()) {
                            events.add(new Event(id, name, data.toString(), false));
                        }
                        id = "";
                        name = "";
                        data.setLength(0);
                        hasData = false;
                    } else if (line.startsWith(":")) {
                        events.add(new Event("", "", line.substring(1).strip(), true));
                    } else {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value = colon < 0 ? "" : line.substring(colon + 1);
                        value = value.startsWith(" ") ? value.substring(1) : value;
                        switch (field) {
                            case "id" -> id = value;
                            case "event" -> name = value;
                            case "data" -> {
                                if (hasData) {
                                    data.append('\n');
                                }
                                data.append(value);
                                hasData = true;
                            }
                            default -> {
                                // retry and unknown fields are of no interest here
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                // The stream was closed by the test (or the server); next() reports the absence of events.
            }
        }

        Event next(Duration timeout, Predicate<Event> wanted) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<Event> skipped = new ArrayList<>();
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                    if (event == null) {
                        throw new AssertionError("no matching event within " + timeout + "; skipped " + skipped
                                + (reader.isAlive() ? "" : " (the stream ended)"));
                    }
                    if (wanted.test(event)) {
                        return event;
                    }
                    skipped.add(event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** The next change event (comments and instance events skipped). */
        Event nextChange(Duration timeout) {
            return next(timeout, e -> !e.comment() && !e.id().isEmpty());
        }

        /** All change events up to and including the one with {@code version}. */
        List<Event> changesUpTo(long version, Duration timeout) {
            List<Event> changes = new ArrayList<>();
            while (true) {
                Event change = nextChange(timeout);
                changes.add(change);
                if (Long.parseLong(change.id()) >= version) {
                    return changes;
                }
            }
        }

        @Override
        public void close() {
            lines.close();
            reader.interrupt();
        }
    }
}
