package io.edgefleet.edge.enrollment;

import io.edgefleet.edge.AgentVersion;
import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.StopSignal;
import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.config.Secret;
import io.edgefleet.edge.link.Backoff;
import io.edgefleet.edge.node.NodeFacts;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.Identity;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolls this node when the store has no identity: presents the one-time token, stores the
 * credentials the server returns in one transaction. A refusal (bad, expired or used token, name
 * taken) ends the daemon with a hint, because retrying cannot help; a server that cannot be reached
 * is retried with backoff until it answers or the daemon is stopped.
 */
public final class Enroller {
    private static final Logger LOG = LoggerFactory.getLogger(Enroller.class);
    private static final String CREATE_TOKEN = "create a new one with POST /api/v1/enrollment-tokens";

    private final EnrollmentClient client;
    private final Duration retryMin;
    private final Duration retryMax;

    public Enroller(EnrollmentClient client, Duration retryMin, Duration retryMax) {
        this.client = client;
        this.retryMin = retryMin;
        this.retryMax = retryMax;
    }

    /** Enrolls with the settings' server URL, token and node name, retrying until {@code stop}. */
    public static Identity enrollWithServer(EdgeConfig config, EdgeStore store, StopSignal stop) {
        try (EnrollmentClient client = new EnrollmentClient(Clock.systemUTC())) {
            return new Enroller(client, config.reconnectMin(), config.reconnectMax()).enroll(config, store, stop);
        }
    }

    public Identity enroll(EdgeConfig config, EdgeStore store, StopSignal stop) {
        if (config.serverUrl().isEmpty() || config.enrollmentToken().isEmpty()) {
            throw new EdgeException(
                    "not-enrolled",
                    409,
                    EdgeException.EXIT_NOT_ENROLLED,
                    "this node is not enrolled, and server-url and enrollment-token are needed to enroll it",
                    "set EDGEFLEET_SERVER_URL and EDGEFLEET_ENROLLMENT_TOKEN (or server-url and enrollment-token in"
                            + " the properties file); an admin creates a token with POST /api/v1/enrollment-tokens");
        }
        URI server = config.serverUrl().get();
        Secret token = config.enrollmentToken().get();
        EnrollmentRequest request = new EnrollmentRequest(
                token,
                config.nodeName(),
                AgentVersion.current(),
                System.getProperty("os.name", "unknown"),
                System.getProperty("os.arch", "unknown"),
                NodeFacts.hostname());
        Backoff backoff = new Backoff(retryMin, retryMax, new SplittableRandom());
        while (true) {
            switch (client.enroll(server, request)) {
                case EnrollmentResult.Enrolled enrolled -> {
                    Identity identity = enrolled.identity();
                    store.saveIdentity(identity);
                    LOG.info(
                            "EF3101 enrolled at {} as node {} of tenant {}; broker {}",
                            server,
                            identity.node(),
                            identity.tenant(),
                            identity.mqttUrl());
                    return identity;
                }
                case EnrollmentResult.Refused refused -> {
                    EdgeException error = refusal(server, config.nodeName(), refused);
                    LOG.error("EF3102 {}; {}", error.getMessage(), error.hint());
                    throw error;
                }
                case EnrollmentResult.Unreachable unreachable -> {
                    Duration delay = backoff.nextDelay();
                    LOG.warn(
                            "EF3103 cannot enroll at {}: {}; retrying in {} ms",
                            server,
                            unreachable.reason(),
                            delay.toMillis());
                    if (stop.await(delay)) {
                        throw new EdgeException(
                                "stopped",
                                503,
                                EdgeException.EXIT_FAILURE,
                                "stopped before enrollment completed",
                                "start the daemon again when the server is reachable");
                    }
                }
            }
        }
    }

    static EdgeException refusal(URI server, String node, EnrollmentResult.Refused refused) {
        String hint =
                switch (refused.code()) {
                    case "enrollment-token-invalid" ->
                        "the server does not know this token: check enrollment-token, or " + CREATE_TOKEN;
                    case "enrollment-token-expired" -> "token expired: " + CREATE_TOKEN;
                    case "enrollment-token-used" -> "the token was used already (tokens work once): " + CREATE_TOKEN;
                    case "node-exists" ->
                        "a node named '" + node + "' is enrolled already: choose another node-name, or remove that"
                                + " node on the server first";
                    case "invalid-name" -> "node-name '" + node + "' is not accepted by the server: choose another";
                    default -> "check the request and the server log";
                };
        String message = "enrollment at " + server + " refused: " + refused.status() + " " + refused.code()
                + (refused.detail().isEmpty() ? "" : " (" + refused.detail() + ")");
        return new EdgeException(
                refused.code(), refused.status(), EdgeException.EXIT_ENROLLMENT_REFUSED, message, hint);
    }
}
