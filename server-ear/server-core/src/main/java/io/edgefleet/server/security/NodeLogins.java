package io.edgefleet.server.security;

import io.edgefleet.server.link.NodeAuthenticator.NodeAuthentication;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * HTTP Basic for edge nodes: the same check as at the broker ({@link NodeCredentials}: user name
 * {@code node@tenant}, SHA-256 of the enrollment password compared in constant time), so a node
 * downloads artifacts with the credentials it already has.
 */
@ApplicationScoped
public class NodeLogins {
    @Inject
    NodeCredentials credentials;

    @Inject
    Tenants tenants;

    /** The node for these credentials; empty when the user name is no node's or the password is wrong. */
    public Optional<NodeCaller> authenticate(String username, String password) {
        if (NodeCredentials.NodeIdentity.parse(username).isEmpty()) {
            return Optional.empty();
        }
        if (credentials.authenticate(username, password) instanceof NodeAuthentication.Authenticated node) {
            return tenants.find(node.tenant()).map(tenant -> new NodeCaller(node.node(), tenant));
        }
        return Optional.empty();
    }
}
