package io.edgefleet.driver.opcua;

import io.edgefleet.driver.PropertyBinding;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * A device property bound to an OPC UA variable.
 *
 * @param binding the property
 * @param nodeId the variable's node id, from visitor key {@code node-id}
 * @param enumCodes for an ENUM property held as a number: the code of each symbol, in symbol order
 *     (visitor key {@code enum-codes}; default 0, 1, 2, …)
 */
record OpcUaProperty(PropertyBinding binding, NodeId nodeId, List<Long> enumCodes) {
    OpcUaProperty {
        enumCodes = List.copyOf(enumCodes);
    }

    String name() {
        return binding.name();
    }
}
