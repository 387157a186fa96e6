package io.edgefleet.server.security;

import io.edgefleet.protocol.Names;
import io.edgefleet.server.link.NodeAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Checks the MQTT credentials of edge nodes for the embedded broker: username {@code node@tenant}
 * (Eclipse Hono's form) and the password issued at enrollment, compared with its stored SHA-256 in
 * constant time. Deleted nodes have no credential row, so they are refused.
 */
@ApplicationScoped
@Transactional
public class NodeCredentials implements NodeAuthenticator {
    private static final int MAX_PASSWORD_LENGTH = 256;

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Override
    public NodeAuthentication authenticate(String username, String password) {
        Optional<NodeIdentity> identity = NodeIdentity.parse(username);
        if (identity.isEmpty()) {
            return new NodeAuthentication.Denied("user name is not of the form node@tenant");
        }
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            return new NodeAuthentication.Denied("no password or an implausible one");
        }
        String node = identity.get().node();
        String tenant = identity.get().tenant();
        Optional<String> stored = em.createQuery(
                        "SELECT c.secretHash FROM NodeCredentialEntity c, NodeEntity n, TenantEntity t"
                                + " WHERE c.nodeId = n.id AND n.tenantId = t.id AND t.name = :tenant AND n.name = :node",
                        String.class)
                .setParameter("tenant", tenant)
                .setParameter("node", node)
                .getResultStream()
                .findFirst();
        if (stored.isEmpty()) {
            return new NodeAuthentication.Denied("node " + node + " of tenant " + tenant + " is not enrolled");
        }
        if (!Secrets.matchesSha256Hex(password, stored.get())) {
            return new NodeAuthentication.Denied("wrong password for node " + node + " of tenant " + tenant);
        }
        return new NodeAuthentication.Authenticated(tenant, node);
    }

    /** The parts of an MQTT user name {@code node@tenant}. */
    public record NodeIdentity(String node, String tenant) {
        public static Optional<NodeIdentity> parse(String username) {
            if (username == null) {
                return Optional.empty();
            }
            int at = username.indexOf('@');
            if (at < 0 || username.indexOf('@', at + 1) >= 0) {
                return Optional.empty();
            }
            String node = username.substring(0, at);
            String tenant = username.substring(at + 1);
            return Names.isValid(node) && Names.isValid(tenant)
                    ? Optional.of(new NodeIdentity(node, tenant))
                    : Optional.empty();
        }

        public String username() {
            return node + "@" + tenant;
        }
    }
}
