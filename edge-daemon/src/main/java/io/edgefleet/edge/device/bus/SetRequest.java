package io.edgefleet.edge.device.bus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A message a workload published on a {@code desired/set} topic, as {@link BusPayloads#setRequest} read it. */
public sealed interface SetRequest {

    /** A JSON object: desired values by property, in the order given. */
    record Values(Map<String, JsonNode> values) implements SetRequest {
        public Values {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // keeps the order given
        }
    }

    /** Not a JSON object of at least one property; nothing is set. */
    record Malformed(String reason) implements SetRequest {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
