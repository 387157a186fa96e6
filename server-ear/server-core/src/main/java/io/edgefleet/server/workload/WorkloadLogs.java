package io.edgefleet.server.workload;

import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.LogStream;
import io.edgefleet.protocol.LogsRequest;
import io.edgefleet.protocol.LogsResult;
import io.edgefleet.server.edge.AnswerJson;
import io.edgefleet.server.edge.CommandAnswers;
import io.edgefleet.server.edge.EdgeLinkRunner;
import io.edgefleet.server.node.Node;
import io.edgefleet.server.node.NodePhase;
import io.edgefleet.server.node.Nodes;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workload's logs, read on its edge PC when someone asks: the logs never leave the PC otherwise. Sends
 * the node a {@code logs} command, then waits (polling {@link CommandAnswers}, no transaction held) up to
 * {@link #ANSWER_WAIT} for the answer, which may arrive at another cluster member.
 */
@ApplicationScoped
public class WorkloadLogs {
    /** Long enough for a busy PC on a slow WAN, short enough for a person waiting at a screen. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(50);
    private static final char[] ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(WorkloadLogs.class);

    @Inject
    Nodes nodes;

    @Inject
    CommandAnswers answers;

    @Inject
    EdgeLinkRunner link;

    private final Clock clock = Clock.systemUTC();

    /**
     * The last {@code lines} lines of {@code workload}'s {@code stream} on {@code node}.
     *
     * @throws FleetException not-found (no such node, or no such workload has run there), node-offline,
     *     edge-link-down, node-not-answering, edge-error
     */
    public WorkloadLog fetch(TenantRef tenant, String node, String workload, LogStream stream, int lines) {
        Node found = nodes.get(tenant, node);
        if (found.status().phase() != NodePhase.ONLINE) {
            throw new FleetException(
                    ProblemCode.NODE_OFFLINE,
                    "node " + node + " is " + found.status().phase().wireName()
                            + found.status()
                                    .lastSeen()
                                    .map(t -> " (last seen " + t + ")")
                                    .orElse("")
                            + ": it cannot send the logs of " + workload + " now");
        }
        String requestId = newRequestId();
        answers.expect(tenant, node, requestId, clock.instant());
        try {
            Envelope command = Envelope.of(node, clock.instant(), new LogsRequest(workload, stream, lines));
            if (!link.send(tenant.name(), command, requestId)) {
                throw new FleetException(ProblemCode.EDGE_LINK_DOWN, "the logs request could not be sent to " + node);
            }
            CommandAnswers.Answer answer = await(requestId)
                    .orElseThrow(() -> new FleetException(
                            ProblemCode.NODE_NOT_ANSWERING,
                            "node " + node + " did not answer the logs request within " + ANSWER_WAIT.toSeconds()
                                    + " s"));
            return toLog(node, workload, answer);
        } finally {
            answers.forget(requestId);
        }
    }

    private Optional<CommandAnswers.Answer> await(String requestId) {
        Instant deadline = clock.instant().plus(ANSWER_WAIT);
        while (true) {
            Optional<CommandAnswers.Answer> answer = answers.find(requestId);
            if (answer.isPresent() || !clock.instant().isBefore(deadline)) {
                return answer;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private WorkloadLog toLog(String node, String workload, CommandAnswers.Answer answer) {
        LogsResult result;
        try {
            result = AnswerJson.read(answer.body(), LogsResult.class);
        } catch (IllegalStateException e) {
            LOG.warn("EF1182 node {} answered a logs request with something else: {}", node, e.toString());
            throw new FleetException(ProblemCode.EDGE_ERROR, "node " + node + " answered with no logs", e);
        }
        return switch (answer.status()) {
            case 200 ->
                new WorkloadLog(
                        node,
                        result.workload(),
                        result.stream(),
                        result.lines(),
                        result.truncated(),
                        result.message(),
                        clock.instant());
            case 404 -> throw new FleetException(ProblemCode.NOT_FOUND, "node " + node + ": " + result.message());
            default ->
                throw new FleetException(
                        ProblemCode.EDGE_ERROR,
                        "node " + node + " answered " + answer.status() + " for the logs of " + workload + ": "
                                + result.message());
        };
    }

    private static String newRequestId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}
