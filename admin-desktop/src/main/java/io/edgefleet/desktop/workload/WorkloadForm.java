package io.edgefleet.desktop.workload;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.desktop.api.Json;

/**
 * The simple form: a name, a node selector, a shell command line, a restart policy and
 * maxUnavailable. Everything else a workload can hold (artifact, probes, limits) is written in the JSON
 * editor; the form produces the JSON the editor shows.
 */
public record WorkloadForm(String name, String selector, String commandLine, String restartPolicy, int maxUnavailable) {

    public ObjectNode toJson() {
        ObjectNode workload = Json.MAPPER.createObjectNode();
        workload.putObject("metadata").put("name", name.strip());
        ObjectNode spec = workload.putObject("spec");
        spec.put("selector", selector.strip());
        ObjectNode template = spec.putObject("template");
        ArrayNode command = template.putArray("command");
        command.add("sh").add("-c").add(commandLine);
        template.put("restartPolicy", restartPolicy);
        spec.putObject("rollout").put("maxUnavailable", maxUnavailable);
        return workload;
    }
}
