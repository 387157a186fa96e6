package io.edgefleet.server.link.broker;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.core.security.CheckType;

/**
 * The per-node ACL of DESIGN section 3, on Artemis addresses (MQTT {@code /} is {@code .}, {@code +}
 * is {@code *}, {@code #} stays). A node may publish only to {@code event/{t}/{n}}, {@code
 * telemetry/{t}/{n}} and {@code command/{t}/{n}/res/{reqId}/{status}}, and subscribe only below
 * {@code command/{t}/{n}/req/}. Everything else, including browsing and management, is refused.
 */
final class NodeAcl {

    /** What publishing needs: the address may not exist yet. */
    private static final Set<CheckType> PUBLISH = EnumSet.of(CheckType.SEND, CheckType.CREATE_ADDRESS);

    /**
     * What an MQTT subscription needs: its queue is created, consumed and deleted with the session,
     * and Artemis removes the subscription's address when a clean session ends.
     */
    private static final Set<CheckType> SUBSCRIBE = EnumSet.of(
            CheckType.CREATE_ADDRESS,
            CheckType.DELETE_ADDRESS,
            CheckType.CREATE_DURABLE_QUEUE,
            CheckType.CREATE_NON_DURABLE_QUEUE,
            CheckType.DELETE_DURABLE_QUEUE,
            CheckType.DELETE_NON_DURABLE_QUEUE,
            CheckType.CONSUME);

    /**
     * A request id or status level: no wildcard ({@code *}, {@code #}) and no separator, so that a
     * publish can never land on a wildcard address.
     */
    private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private NodeAcl() {}

    static boolean allows(String tenant, String node, CheckType type, String fullAddress) {
        if (fullAddress == null) {
            return false;
        }
        String address = bareAddress(fullAddress);
        return (PUBLISH.contains(type) && isPublishTarget(tenant, node, address))
                || (SUBSCRIBE.contains(type) && isOwnCommandFilter(tenant, node, address));
    }

    /** Artemis may pass a fully qualified {@code address::queue}; the ACL is on the address. */
    private static String bareAddress(String address) {
        int separator = address.indexOf("::");
        return separator < 0 ? address : address.substring(0, separator);
    }

    private static boolean isPublishTarget(String tenant, String node, String address) {
        if (address.equals("event." + tenant + "." + node) || address.equals("telemetry." + tenant + "." + node)) {
            return true;
        }
        String responses = "command." + tenant + "." + node + ".res.";
        if (!address.startsWith(responses)) {
            return false;
        }
        String[] rest = address.substring(responses.length()).split("\\.", -1);
        return rest.length == 2
                && LEVEL.matcher(rest[0]).matches()
                && LEVEL.matcher(rest[1]).matches();
    }

    private static boolean isOwnCommandFilter(String tenant, String node, String address) {
        return address.startsWith("command." + tenant + "." + node + ".req.");
    }
}
