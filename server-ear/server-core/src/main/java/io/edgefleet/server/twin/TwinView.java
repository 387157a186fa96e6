package io.edgefleet.server.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.device.ModelProperty;
import io.edgefleet.server.resource.SpecRows;
import java.util.Optional;

/** One property of a twin as REST shows it: model facts, desired, reported, and the delta between them. */
final class TwinView {
    private TwinView() {}

    static ObjectNode property(ModelProperty model, Optional<TwinRows.Stored> stored) {
        ObjectNode view = SpecRows.MAPPER.createObjectNode();
        view.put("name", model.name());
        view.set("type", SpecRows.MAPPER.valueToTree(model.type()));
        view.put("unit", model.unit());
        view.set("accessMode", SpecRows.MAPPER.valueToTree(model.accessMode()));
        Optional<JsonNode> desired = stored.flatMap(TwinRows.Stored::desired);
        Optional<JsonNode> reported = stored.flatMap(TwinRows.Stored::reported);
        stored.filter(s -> s.desired().isPresent()).ifPresent(s -> {
            ObjectNode d = view.putObject("desired");
            d.set("value", s.desired().get());
            d.put("version", s.desiredVersion());
            s.desiredBy().ifPresent(by -> d.put("by", by));
            s.desiredAt().ifPresent(at -> d.put("at", at.toString()));
        });
        stored.filter(s -> s.quality().isPresent()).ifPresent(s -> {
            ObjectNode r = view.putObject("reported");
            s.reported().ifPresent(v -> r.set("value", v));
            r.put("quality", s.quality().get());
            s.sourceTime().ifPresent(t -> r.put("sourceTime", t.toString()));
            s.error().ifPresent(e -> r.put("error", e));
            s.reportedAt().ifPresent(t -> r.put("at", t.toString()));
        });
        boolean inSync =
                desired.isEmpty() || reported.map(r -> same(r, desired.get())).orElse(false);
        view.put("inSync", inSync);
        if (!inSync) {
            view.set("delta", desired.get());
        }
        return view;
    }

    /** Numbers compare by value (a device may report 80.0 for a desired 80). */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
