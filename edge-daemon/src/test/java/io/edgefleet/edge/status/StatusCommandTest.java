package io.edgefleet.edge.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.store.DataDirLock;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.testing.TestStores;
import io.edgefleet.protocol.NodeStatusReport;
import io.edgefleet.protocol.ProtocolCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void clear() {
        out.reset();
        err.reset();
    }

    private int status(boolean json) {
        return StatusCommand.run(
                dataDir,
                json,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK);
    }

    /** A store as a daemon leaves it: enrolled, disconnected, with two unacknowledged entries. */
    private void storeOfAStoppedDaemon() {
        TestStores.seed(dataDir, "tcp://broker.plant:1883");
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            Clock appendedAt = Clock.fixed(NOW.minus(Duration.ofSeconds(90)), ZoneOffset.UTC);
            Outbox outbox = new Outbox(store, new ProtocolCodec(), TestStores.NODE, appendedAt);
            for (int i = 0; i < 3; i++) {
                outbox.append(new NodeStatusReport("v" + i, "Linux", "amd64", "pc", 2, 1024));
            }
            outbox.ack(1);
            store.inTransaction(tx -> {
                tx.putMeta(MetaKey.APPLIED_VERSION, 17);
                tx.putMeta(MetaKey.LINK_STATE, "disconnected");
                tx.putMeta(MetaKey.LINK_SINCE, NOW.minusSeconds(30).toString());
                tx.putMeta(MetaKey.LAST_CONNECTED_AT, NOW.minusSeconds(600).toString());
                return null;
            });
        }
    }

    @Test
    void statusIsReadFromTheStoreWithNoDaemonRunning() {
        storeOfAStoppedDaemon();

        assertThat(status(false)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("node             edge-1")
                .contains("tenant           default")
                .contains("mqtt url         tcp://broker.plant:1883")
                .contains("daemon           not running")
                .contains("link             stopped since 2026-11-22T11:59:30Z (30 s ago)")
                .contains("last connected   2026-11-22T11:50:00Z")
                .contains("applied version  17")
                .contains("last seq         3")
                .contains("last acked seq   1")
                .contains("outbox           2 entries, oldest 90 s old")
                .doesNotContain("node-password");
    }

    @Test
    void jsonStatusCarriesEveryFigure() throws Exception {
        storeOfAStoppedDaemon();

        assertThat(status(true)).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("node").asText()).isEqualTo("edge-1");
        assertThat(json.path("tenant").asText()).isEqualTo("default");
        assertThat(json.path("mqttUrl").asText()).isEqualTo("tcp://broker.plant:1883");
        assertThat(json.path("enrolledAt").asText()).isEqualTo("2026-11-22T00:00:00Z");
        assertThat(json.path("daemonRunning").asBoolean()).isFalse();
        assertThat(json.path("linkState").asText()).isEqualTo("stopped");
        assertThat(json.path("appliedVersion").asLong()).isEqualTo(17);
        assertThat(json.path("lastSeq").asLong()).isEqualTo(3);
        assertThat(json.path("lastAckedSeq").asLong()).isEqualTo(1);
        assertThat(json.path("outboxDepth").asLong()).isEqualTo(2);
        assertThat(json.path("oldestEntryAgeSeconds").asLong()).isEqualTo(90);
        assertThat(json.toString()).doesNotContain("node-password");
    }

    @Test
    void aRunningDaemonsRecordedLinkStateIsShown() {
        storeOfAStoppedDaemon();

        DataDirLock daemon = DataDirLock.acquire(dataDir, Duration.ZERO);
        try {
            assertThat(status(false)).isZero();
        } finally {
            daemon.close();
        }

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("daemon           running")
                .contains("link             disconnected since");
    }

    @Test
    void noStoreExitsWith3() {
        assertThat(StatusCommand.run(
                        dataDir.resolve("absent"),
                        false,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        CLOCK))
                .isEqualTo(EdgeException.EXIT_NOT_ENROLLED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no store in");
        assertThat(out.size()).isZero();
    }

    @Test
    void storeWithoutIdentityExitsWith3() {
        EdgeStore.open(dataDir).close();

        assertThat(status(true)).isEqualTo(EdgeException.EXIT_NOT_ENROLLED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not enrolled");
    }
}
