package io.edgefleet.server.link.broker;

import io.edgefleet.server.link.NodeAuthenticator;
import io.edgefleet.server.link.NodeAuthenticator.NodeAuthentication;
import io.edgefleet.server.link.RateLimitedLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Artemis security for EdgeFleet: the server account gets everything; a node account ({@code
 * node@tenant}, checked by the {@link NodeAuthenticator}) gets the {@link NodeAcl} and must connect
 * with client id {@code edge.{tenant}.{node}}, so that no node can take over another node's MQTT
 * session. Artemis's role settings are not used.
 *
 * <p>The client-id rule is why the broker runs without Artemis's authentication cache: that cache
 * is keyed by user and password only and would skip this check on a second connection. Artemis
 * (2.55) also authenticates again before every authorization check, i.e. for every PUBLISH; without
 * its cache that would be a database look-up per message on the broker's thread. So a node admitted
 * on a connection is remembered for that connection (same user and password) for {@link
 * #READMIT_WINDOW}: a revoked node is refused within that window, as long as Artemis keeps its own
 * authorization decisions anyway.
 */
final class BrokerSecurityManager implements ActiveMQSecurityManager5 {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerSecurityManager.class);

    private final String serverUsername;
    private final byte[] serverPassword;
    private final NodeAuthenticator authenticator;
    private final RateLimitedLog refusedLogins = RateLimitedLog.perMinute(LOG, "EF2010");
    private final RateLimitedLog refusedAccess = RateLimitedLog.perMinute(LOG, "EF2012");
    /** Nodes admitted per connection id; pruned when an entry expires. */
    private final Map<Object, Admitted> admitted = new ConcurrentHashMap<>();

    /** How long a node's admission on one connection is reused (Artemis's authorization cache lasts 10 s). */
    static final Duration READMIT_WINDOW = Duration.ofSeconds(10);

    private static final int PRUNE_ABOVE = 4096;

    /** A node admitted on a connection: reused only for the same user and password until {@code until}. */
    private record Admitted(String user, byte[] passwordDigest, Subject subject, long untilNanos) {
        boolean matches(String otherUser, byte[] otherDigest, long now) {
            return now - untilNanos < 0 && user.equals(otherUser) && MessageDigest.isEqual(passwordDigest, otherDigest);
        }
    }

    BrokerSecurityManager(String serverUsername, String serverPassword, NodeAuthenticator authenticator) {
        this.serverUsername = serverUsername;
        this.serverPassword = serverPassword.getBytes(StandardCharsets.UTF_8);
        this.authenticator = authenticator;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (user == null || user.isEmpty() || password == null) {
            return refuse(connection, "(anonymous)", "no credentials");
        }
        if (user.equals(serverUsername)) {
            boolean valid = MessageDigest.isEqual(serverPassword, password.getBytes(StandardCharsets.UTF_8));
            return valid ? subject(user, new BrokerPrincipal.Server(user)) : refuse(connection, user, "wrong password");
        }
        if (user.indexOf('@') < 1) {
            return refuse(connection, user, "unknown user");
        }
        Object connectionId = connection == null ? null : connection.getID();
        byte[] digest = digest(password);
        long now = System.nanoTime();
        if (connectionId != null) {
            Admitted known = admitted.get(connectionId);
            if (known != null && known.matches(user, digest, now)) {
                return known.subject();
            }
        }
        NodeAuthentication outcome;
        try {
            outcome = authenticator.authenticate(user, password);
        } catch (RuntimeException e) {
            LOG.error("EF2011 node authenticator failed for {}; connection refused", printable(user), e);
            return null;
        }
        return switch (outcome) {
            case NodeAuthentication.Denied denied -> refuse(connection, user, denied.reason());
            case NodeAuthentication.Authenticated node -> {
                Subject subject = admitNode(user, node, connection);
                if (subject != null && connectionId != null) {
                    remember(connectionId, new Admitted(user, digest, subject, now + READMIT_WINDOW.toNanos()));
                }
                yield subject;
            }
        };
    }

    private void remember(Object connectionId, Admitted entry) {
        if (admitted.size() > PRUNE_ABOVE) {
            long now = System.nanoTime();
            admitted.values().removeIf(a -> now - a.untilNanos() >= 0);
        }
        admitted.put(connectionId, entry);
    }

    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private Subject admitNode(String user, NodeAuthentication.Authenticated node, RemotingConnection connection) {
        if (!user.equals(node.node() + "@" + node.tenant())) {
            return refuse(connection, user, "the authenticator vouched for another identity");
        }
        String expectedClientId = "edge." + node.tenant() + "." + node.node();
        String clientId = connection == null ? null : connection.getClientID();
        if (!expectedClientId.equals(clientId)) {
            return refuse(connection, user, "client id must be " + expectedClientId);
        }
        return subject(user, new BrokerPrincipal.Node(node.tenant(), node.node()));
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        if (!subject.getPrincipals(BrokerPrincipal.Server.class).isEmpty()) {
            return true;
        }
        Optional<BrokerPrincipal.Node> node =
                subject.getPrincipals(BrokerPrincipal.Node.class).stream().findFirst();
        if (node.isEmpty()) {
            return false;
        }
        if (NodeAcl.allows(node.get().tenant(), node.get().node(), checkType, address)) {
            return true;
        }
        refusedAccess.warn(
                "EF2012 broker refused {} of node {} on {}",
                checkType,
                node.get().getName(),
                printable(address));
        return false;
    }

    /** Artemis calls {@link #authenticate} instead; kept refusing for anything that calls the old API. */
    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }

    private Subject refuse(RemotingConnection connection, String user, String reason) {
        refusedLogins.warn(
                "EF2010 broker refused login of {} from {}: {}",
                printable(user),
                connection == null ? "?" : connection.getRemoteAddress(),
                printable(reason));
        return null;
    }

    private static Subject subject(String user, BrokerPrincipal principal) {
        Subject subject = new Subject();
        // Artemis requires its own UserPrincipal in every authenticated subject.
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(principal);
        subject.setReadOnly();
        return subject;
    }

    private static String printable(String text) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() <= 120 ? text : text.substring(0, 117) + "...";
        return cut.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
