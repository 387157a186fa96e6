package io.edgefleet.server.enrollment;

/**
 * The answer to a successful enrollment: where and how the node connects. The password appears here
 * once and is stored only as a hash.
 *
 * @param username {@code node@tenant}, for the MQTT connection
 * @param heartbeatSeconds how often the node sends a heartbeat
 */
public record Enrollment(
        String tenant, String node, String mqttUrl, String username, String password, long heartbeatSeconds) {
    @Override
    public String toString() {
        return "Enrollment[tenant=" + tenant + ", node=" + node + ", mqttUrl=" + mqttUrl + ", username=" + username
                + ", heartbeatSeconds=" + heartbeatSeconds + "]";
    }
}
