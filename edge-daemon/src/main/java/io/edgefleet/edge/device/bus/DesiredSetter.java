package io.edgefleet.edge.device.bus;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.edge.device.SetOutcome;

/**
 * Records an edge-set desired value: in the daemon {@code DeviceManager::setDesired}, the path of
 * the {@code set} command and of rule actions (model check, decision 0005, the worker woken).
 */
@FunctionalInterface
public interface DesiredSetter {
    SetOutcome set(String device, String property, JsonNode value, String by);
}
