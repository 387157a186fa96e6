package io.edgefleet.server.enrollment;

import io.edgefleet.protocol.Names;
import io.edgefleet.protocol.ProtocolException;
import io.edgefleet.server.edge.EdgeEndpoint;
import io.edgefleet.server.event.EventType;
import io.edgefleet.server.event.Events;
import io.edgefleet.server.event.NewEvent;
import io.edgefleet.server.node.LivenessSettings;
import io.edgefleet.server.node.NodeChanges;
import io.edgefleet.server.node.NodeEntity;
import io.edgefleet.server.node.NodeLabelsChanged;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.ChangeLog;
import io.edgefleet.server.security.NodeCredentialEntity;
import io.edgefleet.server.security.NodeCredentials;
import io.edgefleet.server.security.Secrets;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a one-time token into a node and its MQTT credentials. One transaction locks the token row,
 * marks it used (conditionally, so only one of two concurrent uses can win), creates the node at the
 * tenant's next version, and stores the hash of a fresh password.
 */
@ApplicationScoped
@Transactional
public class Enrollments {
    private static final Logger LOG = LoggerFactory.getLogger(Enrollments.class);

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    NodeChanges nodeChanges;

    @Inject
    Events events;

    @Inject
    Event<NodeLabelsChanged> labelsChanged;

    @Inject
    Tenants tenants;

    @Inject
    LivenessSettings liveness;

    @Inject
    EdgeEndpoint endpoint;

    public Enrollment enroll(EnrollmentRequest request) {
        String node =
                request.node().orElseThrow(() -> new FleetException(ProblemCode.INVALID_REQUEST, "node is required"));
        String token =
                request.token().orElseThrow(() -> new FleetException(ProblemCode.INVALID_REQUEST, "token is required"));
        try {
            Names.require("node", node);
        } catch (ProtocolException e) {
            throw Problem.from(e);
        }
        if (!Secrets.looksLikeEnrollmentToken(token)) {
            throw invalidToken();
        }
        EnrollmentTokenEntity stored = em.createQuery(
                        "SELECT t FROM EnrollmentTokenEntity t WHERE t.tokenHash = :hash", EnrollmentTokenEntity.class)
                .setParameter("hash", Secrets.sha256Hex(token))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(Enrollments::invalidToken);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        refusal(TokenCheck.check(stored.usedAt(), stored.expiresAt(), stored.nodeName(), node, now))
                .ifPresent(e -> {
                    throw e;
                });
        TenantRef tenant = tenants.byId(stored.tenantId());
        if (nodeExists(tenant, node)) {
            throw new FleetException(
                    ProblemCode.NODE_EXISTS, "node '" + node + "' exists in tenant '" + tenant.name() + "'");
        }
        int claimed = em.createQuery("UPDATE EnrollmentTokenEntity t SET t.usedAt = :now, t.usedByNode = :node"
                        + " WHERE t.id = :id AND t.usedAt IS NULL")
                .setParameter("now", now)
                .setParameter("node", node)
                .setParameter("id", stored.id())
                .executeUpdate();
        if (claimed != 1) {
            throw new FleetException(ProblemCode.ENROLLMENT_TOKEN_USED, "the token was used a moment ago");
        }
        long version = tenants.advance(tenant);
        NodeEntity entity = new NodeEntity(tenant.id(), node, version, now);
        entity.describe(
                request.agentVersion().orElse(""),
                request.os().orElse(""),
                request.arch().orElse(""),
                request.hostname().orElse(""));
        em.persist(entity);
        em.flush();
        nodeChanges.log(tenant, entity, ChangeLog.Operation.ADDED, version, "node:" + node, now);
        events.record(
                tenant,
                NewEvent.system(
                        EventType.NORMAL,
                        "NodeEnrolled",
                        "Node",
                        node,
                        node,
                        "node " + node + " enrolled with token " + stored.id()),
                now);
        labelsChanged.fire(new NodeLabelsChanged(tenant, entity.id(), Map.of(), version));
        String password = Secrets.newNodePassword();
        em.persist(new NodeCredentialEntity(entity.id(), tenant.id(), Secrets.sha256Hex(password), now));
        LOG.info("EF1032 node {} enrolled in tenant {} with token {}", node, tenant.name(), stored.id());
        return new Enrollment(
                tenant.name(),
                node,
                endpoint.edgeUrl(),
                new NodeCredentials.NodeIdentity(node, tenant.name()).username(),
                password,
                liveness.heartbeat().toSeconds());
    }

    private boolean nodeExists(TenantRef tenant, String node) {
        return em.createQuery(
                                "SELECT COUNT(n) FROM NodeEntity n WHERE n.tenantId = :tenant AND n.name = :name",
                                Long.class)
                        .setParameter("tenant", tenant.id())
                        .setParameter("name", node)
                        .getSingleResult()
                > 0;
    }

    private static Optional<FleetException> refusal(TokenCheck.Verdict verdict) {
        return switch (verdict) {
            case TokenCheck.Verdict.Used used ->
                Optional.of(new FleetException(
                        ProblemCode.ENROLLMENT_TOKEN_USED, "the token was used at " + used.usedAt()));
            case TokenCheck.Verdict.Expired expired ->
                Optional.of(new FleetException(
                        ProblemCode.ENROLLMENT_TOKEN_EXPIRED, "the token expired at " + expired.expiresAt()));
            case TokenCheck.Verdict.WrongNode wrong ->
                Optional.of(new FleetException(
                        ProblemCode.ENROLLMENT_TOKEN_INVALID, "the token is bound to node '" + wrong.boundTo() + "'"));
            default -> Optional.empty();
        };
    }

    private static FleetException invalidToken() {
        return new FleetException(ProblemCode.ENROLLMENT_TOKEN_INVALID, "the enrollment token is not valid");
    }
}
