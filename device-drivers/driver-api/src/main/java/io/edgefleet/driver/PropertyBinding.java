package io.edgefleet.driver;

import java.util.Map;
import java.util.Objects;

/**
 * One device property as a driver sees it: its model (name, type, access, constraints) and the
 * protocol-specific "visitor" that says where the value lives on the device (DESIGN section 2).
 *
 * @param name the property name from the device model, unique within a device
 * @param type the value type; reads produce it, writes must supply it
 * @param access whether the property may be written
 * @param visitor where and how to reach the value, interpreted by the driver alone: a Modbus
 *     register and function, an OPC UA node id, a JSON path, a simulated generator. Keys are
 *     lower-case with dashes.
 * @param constraints allowed values, checked before writes
 */
public record PropertyBinding(
        String name, PropertyType type, AccessMode access, Map<String, String> visitor, ValueConstraints constraints) {

    public PropertyBinding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(access, "access");
        visitor = Map.copyOf(visitor);
        Objects.requireNonNull(constraints, "constraints");
    }

    /** A property without constraints. */
    public PropertyBinding(String name, PropertyType type, AccessMode access, Map<String, String> visitor) {
        this(name, type, access, visitor, ValueConstraints.NONE);
    }

    public boolean isWritable() {
        return access == AccessMode.READ_WRITE;
    }

    @Override
    public String toString() {
        return "PropertyBinding[name=" + name + ", type=" + type + ", access=" + access + ", visitor="
                + Secrets.redact(visitor) + ", constraints=" + constraints.describe() + "]";
    }
}
