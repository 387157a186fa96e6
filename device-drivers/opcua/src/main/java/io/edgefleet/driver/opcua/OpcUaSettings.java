package io.edgefleet.driver.opcua;

import io.edgefleet.driver.ConfigCheck;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * A device's OPC UA settings, read in one pass with {@link ConfigCheck} so that every problem is
 * listed.
 *
 * @param endpointUrl {@code opc.tcp://host:port/path}
 * @param host the endpoint's host: the driver connects there even if the server advertises another
 *     name
 * @param port the endpoint's port
 * @param username empty for anonymous access
 * @param password used with {@code username}; never logged or echoed
 * @param properties the properties with their node ids
 */
record OpcUaSettings(
        String endpointUrl,
        String host,
        int port,
        Optional<String> username,
        Optional<String> password,
        List<OpcUaProperty> properties) {

    static final String ENDPOINT_URL = "endpoint-url";
    static final String SECURITY_POLICY = "security-policy";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String NODE_ID = "node-id";
    static final String ENUM_CODES = "enum-codes";

    private static final int DEFAULT_PORT = 4840;

    @Override
    public String toString() {
        return "OpcUaSettings[endpointUrl=" + endpointUrl + ", username=" + username.orElse("(anonymous)")
                + ", password=" + (password.isPresent() ? "***" : "(none)") + "]";
    }

    static OpcUaSettings read(ConfigCheck check, DeviceConnection connection) {
        ConfigCheck.Section config = check.config();
        config.allowOnly(Set.of(ENDPOINT_URL, SECURITY_POLICY, USERNAME, PASSWORD));
        String url = config.requiredText(ENDPOINT_URL).orElse("").strip();
        String host = "";
        int port = DEFAULT_PORT;
        if (!url.isEmpty()) {
            try {
                URI uri = new URI(url);
                if (!"opc.tcp".equals(uri.getScheme()) || uri.getHost() == null) {
                    config.report(ENDPOINT_URL, "expected opc.tcp://host:port/path, got '" + url + "'");
                } else {
                    host = uri.getHost();
                    port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
                }
            } catch (URISyntaxException e) {
                config.report(ENDPOINT_URL, "not a URL: " + e.getReason());
            }
        }
        // Only policy None for now: Basic256Sha256 needs a client certificate the edge does not manage yet.
        config.oneOf(SECURITY_POLICY, "none", List.of("none"));
        Optional<String> username = config.text(USERNAME);
        Optional<String> password = config.text(PASSWORD);
        if (password.isPresent() && username.isEmpty()) {
            config.report(PASSWORD, "given without " + USERNAME);
        }
        List<OpcUaProperty> properties = new ArrayList<>();
        for (PropertyBinding binding : connection.properties()) {
            readProperty(check, binding).ifPresent(properties::add);
        }
        return new OpcUaSettings(url, host, port, username, password, properties);
    }

    private static Optional<OpcUaProperty> readProperty(ConfigCheck check, PropertyBinding binding) {
        ConfigCheck.Section visitor = check.visitor(binding);
        visitor.allowOnly(Set.of(NODE_ID, ENUM_CODES));
        Optional<String> text = visitor.requiredText(NODE_ID);
        Optional<NodeId> nodeId = text.flatMap(t -> NodeId.parseSafe(t.strip()));
        if (text.isPresent() && nodeId.isEmpty()) {
            visitor.report(
                    NODE_ID, "'" + text.get() + "' is not an OPC UA node id (e.g. ns=2;s=Temperature or ns=0;i=2258)");
        }
        List<Long> codes = enumCodes(visitor, binding);
        return nodeId.map(id -> new OpcUaProperty(binding, id, codes));
    }

    private static List<Long> enumCodes(ConfigCheck.Section visitor, PropertyBinding binding) {
        int symbols = binding.constraints().symbols().size();
        Optional<String> text = visitor.text(ENUM_CODES);
        if (text.isEmpty()) {
            return LongStream.range(0, symbols).boxed().toList();
        }
        if (binding.type() != PropertyType.ENUM) {
            visitor.report(ENUM_CODES, "applies to ENUM properties only");
            return List.of();
        }
        List<Long> codes = new ArrayList<>();
        for (String part : text.get().split(",", -1)) {
            try {
                codes.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                visitor.report(ENUM_CODES, "expected whole numbers separated by commas, got '" + text.get() + "'");
                return List.of();
            }
        }
        if (codes.size() != symbols || codes.stream().distinct().count() != codes.size()) {
            visitor.report(ENUM_CODES, "expected " + symbols + " distinct codes, one per symbol, got " + codes);
            return List.of();
        }
        return codes;
    }
}
