package io.edgefleet.edge.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.store.DataDirLock;
import io.edgefleet.edge.store.StoreReader;
import io.edgefleet.edge.store.StoreSnapshot;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code edgefleet-edge status}: what this node is and how its link and outbox stand, answered from
 * the store alone, so it works with the cloud down and with or without a running daemon. Exit 0
 * with the report; 3 when there is no store or the node is not enrolled.
 */
public final class StatusCommand {
    private StatusCommand() {}

    /** Prints the report for the store in {@code dataDir}; returns the exit status. */
    public static int run(Path dataDir, boolean json, PrintStream out, PrintStream err, Clock clock) {
        Optional<StoreSnapshot> snapshot = StoreReader.read(dataDir);
        if (snapshot.isEmpty()) {
            err.println(
                    "edgefleet-edge: no store in " + dataDir + " (the daemon has not run here yet; check data-dir)");
            return EdgeException.EXIT_NOT_ENROLLED;
        }
        if (snapshot.get().identity().isEmpty()) {
            err.println("edgefleet-edge: the node is not enrolled (store "
                    + snapshot.get().file() + "); start it once with server-url and enrollment-token");
            return EdgeException.EXIT_NOT_ENROLLED;
        }
        StatusReport report = StatusReport.of(
                snapshot.get(), snapshot.get().identity().get(), DataDirLock.isHeld(dataDir), clock.instant());
        out.print(json ? toJson(report) : toText(report, clock.instant()));
        out.flush();
        return 0;
    }

    static String toText(StatusReport r, Instant now) {
        StringBuilder text = new StringBuilder();
        line(text, "node", r.node());
        line(text, "tenant", r.tenant());
        line(text, "mqtt url", r.mqttUrl());
        line(text, "enrolled at", r.enrolledAt().toString());
        line(text, "daemon", r.daemonRunning() ? "running" : "not running");
        line(
                text,
                "link",
                r.linkState()
                        + r.linkSince()
                                .map(since -> " since " + since + " (" + ago(since, now) + ")")
                                .orElse(""));
        line(text, "last connected", r.lastConnectedAt().map(Instant::toString).orElse("never"));
        line(text, "applied version", Long.toString(r.appliedVersion()));
        line(text, "last seq", Long.toString(r.lastSeq()));
        line(text, "last acked seq", Long.toString(r.lastAckedSeq()));
        line(
                text,
                "outbox",
                r.outboxDepth()
                        + (r.outboxDepth() == 1 ? " entry" : " entries")
                        + r.oldestEntryAge()
                                .map(age -> ", oldest " + age.toSeconds() + " s old")
                                .orElse(""));
        line(text, "telemetry", r.telemetryRows() + " readings buffered, " + r.telemetryDropped() + " dropped");
        line(text, "store", r.store().toString());
        return text.toString();
    }

    static String toJson(StatusReport r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode node = mapper.createObjectNode()
                .put("node", r.node())
                .put("tenant", r.tenant())
                .put("mqttUrl", r.mqttUrl())
                .put("enrolledAt", r.enrolledAt().toString())
                .put("daemonRunning", r.daemonRunning())
                .put("linkState", r.linkState());
        r.linkSince().ifPresentOrElse(at -> node.put("linkSince", at.toString()), () -> node.putNull("linkSince"));
        r.lastConnectedAt()
                .ifPresentOrElse(
                        at -> node.put("lastConnectedAt", at.toString()), () -> node.putNull("lastConnectedAt"));
        node.put("appliedVersion", r.appliedVersion())
                .put("lastSeq", r.lastSeq())
                .put("lastAckedSeq", r.lastAckedSeq())
                .put("outboxDepth", r.outboxDepth());
        r.oldestEntryAge()
                .ifPresentOrElse(
                        age -> node.put("oldestEntryAgeSeconds", age.toSeconds()),
                        () -> node.putNull("oldestEntryAgeSeconds"));
        node.put("telemetryBuffered", r.telemetryRows()).put("telemetryDropped", r.telemetryDropped());
        node.put("store", r.store().toString());
        try {
            return mapper.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-16s %s%n", label, value));
    }

    private static String ago(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + " s ago";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min ago";
        }
        return seconds / 3600 + " h ago";
    }
}
