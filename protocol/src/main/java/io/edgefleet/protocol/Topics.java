package io.edgefleet.protocol;

import java.util.Optional;

/**
 * MQTT topic names in Eclipse Hono's layout (DESIGN section 3). Tenants and nodes are {@link
 * Names valid names}, so a topic level can never contain a wildcard or a separator.
 */
public final class Topics {
    public static final String EVENT = "event";
    public static final String TELEMETRY = "telemetry";
    public static final String COMMAND = "command";
    public static final String REQUEST = "req";
    public static final String RESPONSE = "res";

    /** Shared-subscription group through which cluster members split upstream traffic. */
    public static final String SHARE_GROUP = "edgefleet";

    private Topics() {}

    public static String event(String tenant, String node) {
        return EVENT + "/" + tenant + "/" + node;
    }

    public static String telemetry(String tenant, String node) {
        return TELEMETRY + "/" + tenant + "/" + node;
    }

    public static String commandRequest(String tenant, String node, String requestId, String name) {
        return COMMAND + "/" + tenant + "/" + node + "/" + REQUEST + "/" + requestId + "/" + name;
    }

    public static String commandResponse(String tenant, String node, String requestId, int status) {
        return COMMAND + "/" + tenant + "/" + node + "/" + RESPONSE + "/" + requestId + "/" + status;
    }

    /** What a node subscribes to: every command addressed to it. */
    public static String commandRequestFilter(String tenant, String node) {
        return COMMAND + "/" + tenant + "/" + node + "/" + REQUEST + "/#";
    }

    /** What the server subscribes to for one channel, shared among cluster members. */
    public static String sharedFilter(String channelFilter) {
        return "$share/" + SHARE_GROUP + "/" + channelFilter;
    }

    public static final String ALL_EVENTS = EVENT + "/+/+";
    public static final String ALL_TELEMETRY = TELEMETRY + "/+/+";
    public static final String ALL_COMMAND_RESPONSES = COMMAND + "/+/+/" + RESPONSE + "/#";

    /** Parses a topic the server receives on; empty when the topic is not one of ours. */
    public static Optional<TopicAddress> parse(String topic) {
        if (topic == null || topic.length() > 512) {
            return Optional.empty();
        }
        String[] levels = topic.split("/", -1);
        if (levels.length < 3 || !Names.isValid(levels[1]) || !Names.isValid(levels[2])) {
            return Optional.empty();
        }
        String tenant = levels[1];
        String node = levels[2];
        return switch (levels[0]) {
            case EVENT ->
                levels.length == 3
                        ? Optional.of(new TopicAddress(MessageKind.Channel.EVENT, tenant, node, "", ""))
                        : Optional.empty();
            case TELEMETRY ->
                levels.length == 3
                        ? Optional.of(new TopicAddress(MessageKind.Channel.TELEMETRY, tenant, node, "", ""))
                        : Optional.empty();
            case COMMAND -> parseCommand(levels, tenant, node);
            default -> Optional.empty();
        };
    }

    private static Optional<TopicAddress> parseCommand(String[] levels, String tenant, String node) {
        if (levels.length != 6 || levels[4].isEmpty() || levels[5].isEmpty()) {
            return Optional.empty();
        }
        return switch (levels[3]) {
            case REQUEST ->
                Optional.of(new TopicAddress(MessageKind.Channel.COMMAND, tenant, node, levels[4], levels[5]));
            case RESPONSE ->
                Optional.of(new TopicAddress(MessageKind.Channel.COMMAND_RESPONSE, tenant, node, levels[4], levels[5]));
            default -> Optional.empty();
        };
    }

    /**
     * A parsed topic.
     *
     * @param requestId the command's request id; empty for events and telemetry
     * @param last the command name (requests) or HTTP status (responses); empty otherwise
     */
    public record TopicAddress(
            MessageKind.Channel channel, String tenant, String node, String requestId, String last) {}
}
