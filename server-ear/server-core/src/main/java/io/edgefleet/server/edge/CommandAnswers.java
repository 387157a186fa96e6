package io.edgefleet.server.edge;

import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a node's answer to a command meets the request that waits for it, across cluster members (table
 * {@code command_answer}, V8): the answer arrives through the shared subscription at whichever member the
 * broker picks, not necessarily the one that asked. Each call is its own short transaction; nobody holds
 * one while waiting.
 */
@ApplicationScoped
public class CommandAnswers {
    /** Rows older than this were left by a member that stopped waiting (or died): swept. */
    static final Duration KEEP = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(CommandAnswers.class);

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    /** An answer as the node sent it: the HTTP status of its topic and the body's JSON. */
    public record Answer(int status, String body) {}

    /** Records that {@code requestId} to {@code node} waits for an answer. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void expect(TenantRef tenant, String node, String requestId, Instant now) {
        em.createNativeQuery("INSERT INTO command_answer (request_id, tenant_id, node_name, status, created_at)"
                        + " VALUES (?1, ?2, ?3, 0, ?4)")
                .setParameter(1, requestId)
                .setParameter(2, tenant.id())
                .setParameter(3, node)
                .setParameter(4, now)
                .executeUpdate();
    }

    /**
     * Keeps a node's answer for the request waiting for it. False when no request of that id waits for
     * an answer from that node (unknown, answered already, swept, or another node's): the caller drops
     * the answer and counts it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deliver(TenantRef tenant, String node, String requestId, int status, String body) {
        return em.createNativeQuery("UPDATE command_answer SET status = ?1, body = ?2"
                                + " WHERE request_id = ?3 AND tenant_id = ?4 AND node_name = ?5 AND status = 0")
                        .setParameter(1, status)
                        .setParameter(2, body)
                        .setParameter(3, requestId)
                        .setParameter(4, tenant.id())
                        .setParameter(5, node)
                        .executeUpdate()
                == 1;
    }

    /** The answer to {@code requestId}, once it came. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Answer> find(String requestId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT status, body FROM command_answer WHERE request_id = ?1 AND status > 0")
                .setParameter(1, requestId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Answer(((Number) columns[0]).intValue(), String.valueOf(columns[1]));
        });
    }

    /** Forgets {@code requestId}: answered and read, or given up on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String requestId) {
        em.createNativeQuery("DELETE FROM command_answer WHERE request_id = ?1")
                .setParameter(1, requestId)
                .executeUpdate();
    }

    /** Every 10 minutes on every member: rows older than {@link #KEEP} (concurrent runs share the work). */
    public ScheduledFuture<?> scheduleSweep(ScheduledExecutorService scheduler, java.time.Clock clock) {
        return scheduler.scheduleWithFixedDelay(() -> sweepSafely(clock), 10, 10, TimeUnit.MINUTES);
    }

    private void sweepSafely(java.time.Clock clock) {
        try {
            int deleted = sweep(clock.instant().minus(KEEP));
            if (deleted > 0) {
                LOG.info("EF1180 swept {} command answer(s) nobody read", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("EF1181 sweeping command answers failed, retrying in 10 minutes: {}", e.toString());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sweep(Instant before) {
        return em.createNativeQuery("DELETE FROM command_answer WHERE created_at < ?1")
                .setParameter(1, before)
                .executeUpdate();
    }
}
