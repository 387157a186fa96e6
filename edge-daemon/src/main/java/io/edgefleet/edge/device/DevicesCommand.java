package io.edgefleet.edge.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.cli.TextTable;
import io.edgefleet.edge.store.StoreReader;
import io.edgefleet.protocol.device.DesiredDevice;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code edgefleet-edge devices [--json]}: every device of this node with protocol, state, last
 * read and last error, from the store (read-only), with or without a running daemon. A device the
 * daemon has not opened yet shows as Pending.
 */
public final class DevicesCommand {
    private DevicesCommand() {}

    record Row(
            String name,
            long generation,
            String protocol,
            String state,
            Optional<Instant> since,
            Optional<Instant> lastRead,
            String error) {}

    public static int run(Path dataDir, boolean json, PrintStream out, PrintStream err) {
        Optional<List<Row>> rows = StoreReader.query(dataDir, DeviceTable.SCHEMA_VERSION, c -> {
            Map<String, DeviceTable.Status> statuses = DeviceTable.statuses(c);
            List<Row> list = new ArrayList<>();
            for (DesiredDevice d : DeviceTable.desired(c).values()) {
                Optional<DeviceTable.Status> s = Optional.ofNullable(statuses.get(d.name()));
                list.add(new Row(
                        d.name(),
                        d.generation(),
                        d.protocol(),
                        s.map(x -> DeviceTable.stateName(x.state())).orElse("Pending"),
                        s.map(DeviceTable.Status::since),
                        s.flatMap(DeviceTable.Status::lastRead),
                        s.map(DeviceTable.Status::error).orElse("not opened by the daemon yet")));
            }
            return list;
        });
        if (rows.isEmpty()) {
            err.println("edgefleet-edge: no device store in " + dataDir
                    + " (the daemon has not run here yet, or an older one did; check data-dir)");
            return EdgeException.EXIT_NOT_ENROLLED;
        }
        out.print(json ? toJson(rows.get()) : toText(rows.get()));
        out.flush();
        return 0;
    }

    static String toText(List<Row> rows) {
        if (rows.isEmpty()) {
            return "(no devices on this node)" + System.lineSeparator();
        }
        TextTable table = new TextTable("NAME", "GEN", "PROTOCOL", "STATE", "SINCE", "LAST-READ", "ERROR");
        for (Row r : rows) {
            table.row(
                    r.name(),
                    r.generation(),
                    r.protocol(),
                    r.state(),
                    r.since().map(Instant::toString).orElse("-"),
                    r.lastRead().map(Instant::toString).orElse("-"),
                    r.error());
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
                    .put("protocol", r.protocol())
                    .put("state", r.state());
            r.since().ifPresentOrElse(at -> node.put("since", at.toString()), () -> node.putNull("since"));
            r.lastRead().ifPresentOrElse(at -> node.put("lastRead", at.toString()), () -> node.putNull("lastRead"));
            node.put("error", r.error());
        }
        return write(mapper, array);
    }

    static String write(ObjectMapper mapper, Object node) {
        try {
            return mapper.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
