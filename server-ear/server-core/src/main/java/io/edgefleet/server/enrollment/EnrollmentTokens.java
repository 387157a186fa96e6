package io.edgefleet.server.enrollment;

import io.edgefleet.protocol.Names;
import io.edgefleet.protocol.ProtocolException;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Administrators create, list and revoke one-time enrollment tokens. */
@ApplicationScoped
@Transactional
public class EnrollmentTokens {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentTokens.class);

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    EnrollmentSettings settings;

    /**
     * Creates a token; the answer is the only place its secret ever appears.
     *
     * @param ttlSeconds lifetime, 1 s to 30 days; default from the settings
     * @param node binds the token to this node name
     */
    public EnrollmentToken create(Caller caller, Optional<Long> ttlSeconds, Optional<String> node) {
        Duration ttl = ttlSeconds.map(Duration::ofSeconds).orElse(settings.defaultTtl());
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(EnrollmentSettings.MAX_TTL) > 0) {
            throw new FleetException(
                    ProblemCode.INVALID_REQUEST,
                    "ttlSeconds must lie between 1 and " + EnrollmentSettings.MAX_TTL.toSeconds() + " (30 days)");
        }
        try {
            node.ifPresent(n -> Names.require("node", n));
        } catch (ProtocolException e) {
            throw Problem.from(e);
        }
        String secret = Secrets.newEnrollmentToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EnrollmentTokenEntity entity = new EnrollmentTokenEntity(
                UUID.randomUUID().toString(),
                caller.tenant().id(),
                Secrets.sha256Hex(secret),
                node,
                caller.username(),
                now,
                now.plus(ttl));
        em.persist(entity);
        LOG.info(
                "EF1030 enrollment token {} created by {} (node {}, expires {})",
                entity.id(),
                caller.username(),
                node.orElse("any"),
                entity.expiresAt());
        return EnrollmentToken.of(entity, Optional.of(secret), now);
    }

    public List<EnrollmentToken> list(Caller caller) {
        Instant now = Instant.now();
        return em.createQuery(
                        "SELECT t FROM EnrollmentTokenEntity t WHERE t.tenantId = :tenant ORDER BY t.createdAt DESC",
                        EnrollmentTokenEntity.class)
                .setParameter("tenant", caller.tenant().id())
                .setMaxResults(1000)
                .getResultStream()
                .map(t -> EnrollmentToken.of(t, Optional.empty(), now))
                .toList();
    }

    /** Revokes a token: it can no longer enroll anything. */
    public void delete(Caller caller, String id) {
        int deleted = em.createQuery("DELETE FROM EnrollmentTokenEntity t WHERE t.tenantId = :tenant AND t.id = :id")
                .setParameter("tenant", caller.tenant().id())
                .setParameter("id", id)
                .executeUpdate();
        if (deleted == 0) {
            throw FleetException.notFound("enrollment token '" + id + "'");
        }
        LOG.info("EF1031 enrollment token {} deleted by {}", id, caller.username());
    }
}
