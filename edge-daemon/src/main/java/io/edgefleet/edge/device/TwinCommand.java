package io.edgefleet.edge.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.cli.TextTable;
import io.edgefleet.edge.store.StoreReader;
import io.edgefleet.protocol.device.DesiredDevice;
import io.edgefleet.protocol.device.DesiredValue;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.protocol.device.ReportedValue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code edgefleet-edge twin DEVICE [--json]}: per property of the device's model, the synced
 * desired value (version, by), the pending edge change, the reported value with quality and
 * source time, and the last write error; from the store (read-only), daemon running or not.
 */
public final class TwinCommand {
    private TwinCommand() {}

    record Row(
            ModelProperty property,
            Optional<DesiredValue> desired,
            Optional<EdgeChange> pending,
            Optional<ReportedValue> reported,
            String writeError) {}

    public static int run(Path dataDir, String device, boolean json, PrintStream out, PrintStream err) {
        Optional<Optional<List<Row>>> result = StoreReader.query(dataDir, DeviceTable.SCHEMA_VERSION, c -> {
            Optional<DesiredDevice> desired = DeviceTable.desired(c, device);
            if (desired.isEmpty()) {
                return Optional.<List<Row>>empty();
            }
            Map<String, DesiredValue> synced = TwinTable.synced(c, device);
            Map<String, EdgeChange> edge = TwinTable.edgeChanges(c, device);
            Map<String, TwinTable.Reported> reported = TwinTable.reported(c, device);
            List<Row> rows = new ArrayList<>();
            for (ModelProperty p : desired.get().properties()) {
                Optional<TwinTable.Reported> r = Optional.ofNullable(reported.get(p.name()));
                rows.add(new Row(
                        p,
                        Optional.ofNullable(synced.get(p.name())),
                        Optional.ofNullable(edge.get(p.name())),
                        r.flatMap(TwinTable.Reported::value),
                        r.map(TwinTable.Reported::writeError).orElse("")));
            }
            return Optional.of(rows);
        });
        if (result.isEmpty()) {
            err.println("edgefleet-edge: no device store in " + dataDir + " (check data-dir)");
            return EdgeException.EXIT_NOT_ENROLLED;
        }
        if (result.get().isEmpty()) {
            err.println("edgefleet-edge: this node has no device '" + device + "' (see: edgefleet-edge devices)");
            return EdgeException.EXIT_USAGE;
        }
        out.print(
                json ? toJson(device, result.get().get()) : toText(result.get().get()));
        out.flush();
        return 0;
    }

    static String toText(List<Row> rows) {
        TextTable table = new TextTable(
                "PROPERTY",
                "ACCESS",
                "DESIRED (VERSION, BY)",
                "PENDING EDGE",
                "REPORTED",
                "QUALITY",
                "SOURCE-TIME",
                "WRITE-ERROR");
        for (Row r : rows) {
            table.row(
                    r.property().name(),
                    r.property().accessMode() == io.edgefleet.protocol.device.AccessMode.READ_ONLY
                            ? "ReadOnly"
                            : "ReadWrite",
                    r.desired()
                            .map(d -> d.value() + " (v" + d.version() + ", " + d.by() + ")")
                            .orElse("-"),
                    r.pending()
                            .map(p -> p.value() + " (base v" + p.baseVersion() + ", " + p.by() + ")")
                            .orElse("-"),
                    r.reported()
                            .flatMap(ReportedValue::value)
                            .map(JsonNode::toString)
                            .orElse("-"),
                    r.reported()
                            .map(v -> v.quality().name().toLowerCase(Locale.ROOT))
                            .orElse("-"),
                    r.reported().map(v -> v.sourceTime().toString()).orElse("-"),
                    r.writeError().isEmpty() ? "-" : r.writeError());
        }
        return table.render();
    }

    static String toJson(String device, List<Row> rows) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode().put("device", device);
        ArrayNode properties = root.putArray("properties");
        for (Row r : rows) {
            ObjectNode node = properties
                    .addObject()
                    .put("name", r.property().name())
                    .put("type", r.property().type().name().toLowerCase(Locale.ROOT))
                    .put("readOnly", r.property().accessMode() == io.edgefleet.protocol.device.AccessMode.READ_ONLY);
            r.desired()
                    .ifPresentOrElse(
                            d -> node.putObject("desired")
                                    .put("version", d.version())
                                    .put("by", d.by())
                                    .put("at", d.at().toString())
                                    .set("value", d.value()),
                            () -> node.putNull("desired"));
            r.pending()
                    .ifPresentOrElse(
                            p -> node.putObject("pendingEdgeChange")
                                    .put("baseVersion", p.baseVersion())
                                    .put("by", p.by())
                                    .put("at", p.at().toString())
                                    .put("sent", p.sent())
                                    .set("value", p.value()),
                            () -> node.putNull("pendingEdgeChange"));
            r.reported()
                    .ifPresentOrElse(
                            v -> {
                                ObjectNode reported = node.putObject("reported");
                                reported.set("value", v.value().orElse(null));
                                reported.put("quality", v.quality().name().toLowerCase(Locale.ROOT))
                                        .put("sourceTime", v.sourceTime().toString());
                                v.error()
                                        .ifPresentOrElse(
                                                e -> reported.put("error", e), () -> reported.putNull("error"));
                            },
                            () -> node.putNull("reported"));
            if (r.writeError().isEmpty()) {
                node.putNull("lastWriteError");
            } else {
                node.put("lastWriteError", r.writeError());
            }
        }
        return DevicesCommand.write(mapper, root);
    }
}
