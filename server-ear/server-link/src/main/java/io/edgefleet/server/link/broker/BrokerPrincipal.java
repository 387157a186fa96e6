package io.edgefleet.server.link.broker;

import java.security.Principal;

/** Who a broker connection authenticated as; kept in the connection's {@code Subject}. */
sealed interface BrokerPrincipal extends Principal {

    /** The EdgeFleet server itself: full access. */
    record Server(String getName) implements BrokerPrincipal {}

    /** An enrolled edge node: the ACL of {@link NodeAcl}. */
    record Node(String tenant, String node) implements BrokerPrincipal {
        @Override
        public String getName() {
            return node + "@" + tenant;
        }
    }
}
