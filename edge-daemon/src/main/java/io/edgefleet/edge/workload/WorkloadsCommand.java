package io.edgefleet.edge.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.cli.TextTable;
import io.edgefleet.edge.store.StoreReader;
import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.InstancePhase;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code edgefleet-edge workloads [--json]}: the workloads of this node with phase, restarts, last
 * exit, since when and pid, answered from the store (read-only) with or without a running daemon
 * and with the cloud down. A desired workload the daemon has not picked up yet shows as Pending.
 */
public final class WorkloadsCommand {
    private WorkloadsCommand() {}

    /** One line of the listing. */
    record Row(
            String name,
            long generation,
            String phase,
            int restarts,
            Optional<Integer> lastExit,
            Optional<Instant> since,
            Optional<Long> pid,
            String message) {}

    public static int run(Path dataDir, boolean json, PrintStream out, PrintStream err) {
        Optional<List<Row>> rows = StoreReader.query(dataDir, WorkloadTable.SCHEMA_VERSION, c -> {
            List<InstanceRecord> instances = WorkloadTable.instances(c);
            Map<String, DesiredWorkload> desired = WorkloadTable.desired(c);
            return rows(instances, desired);
        });
        if (rows.isEmpty()) {
            err.println("edgefleet-edge: no workload store in " + dataDir
                    + " (the daemon has not run here yet, or an older one did; check data-dir)");
            return EdgeException.EXIT_NOT_ENROLLED;
        }
        out.print(json ? toJson(rows.get()) : toText(rows.get()));
        out.flush();
        return 0;
    }

    static List<Row> rows(List<InstanceRecord> instances, Map<String, DesiredWorkload> desired) {
        List<Row> rows = new ArrayList<>();
        for (InstanceRecord r : instances) {
            rows.add(new Row(
                    r.name(),
                    r.generation(),
                    InstanceRecord.phaseName(r.phase()),
                    r.restarts(),
                    r.lastExit(),
                    Optional.of(r.since()),
                    r.pid(),
                    r.message()));
        }
        desired.values().stream()
                .filter(d -> instances.stream().noneMatch(i -> i.name().equals(d.name())))
                .forEach(d -> rows.add(new Row(
                        d.name(),
                        d.generation(),
                        InstanceRecord.phaseName(InstancePhase.PENDING),
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "not picked up by the daemon yet")));
        rows.sort((a, b) -> a.name().compareTo(b.name()));
        return rows;
    }

    static String toText(List<Row> rows) {
        if (rows.isEmpty()) {
            return "(no workloads on this node)" + System.lineSeparator();
        }
        TextTable table = new TextTable("NAME", "GEN", "PHASE", "RESTARTS", "LAST-EXIT", "SINCE", "PID", "MESSAGE");
        for (Row r : rows) {
            table.row(
                    r.name(),
                    r.generation(),
                    r.phase(),
                    r.restarts(),
                    r.lastExit().map(String::valueOf).orElse("-"),
                    r.since().map(Instant::toString).orElse("-"),
                    r.pid().map(String::valueOf).orElse("-"),
                    r.message());
        }
        return table.render();
    }

    static String toJson(List<Row> rows) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (Row r : rows) {
            ObjectNode node = array.addObject()
                    .put("name", r.name())
                    .put("generation", r.generation())
                    .put("phase", r.phase())
                    .put("restarts", r.restarts());
            r.lastExit().ifPresentOrElse(code -> node.put("lastExitCode", code), () -> node.putNull("lastExitCode"));
            r.since().ifPresentOrElse(at -> node.put("since", at.toString()), () -> node.putNull("since"));
            r.pid().ifPresentOrElse(pid -> node.put("pid", pid), () -> node.putNull("pid"));
            node.put("message", r.message());
        }
        try {
            return mapper.writeValueAsString(array) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
