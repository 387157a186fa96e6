package io.edgefleet.server.device;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;

/** The JSON shapes of a device's connection settings and visitors, for conversion to the wire records. */
final class DeviceSettings {
    static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
    static final TypeReference<Map<String, Map<String, String>>> VISITORS = new TypeReference<>() {};

    private DeviceSettings() {}
}
