package io.edgefleet.server.edge;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The MQTT URL edges are told at enrollment. Known once the link has started (the embedded broker may
 * listen on a port picked at start).
 */
@ApplicationScoped
public class EdgeEndpoint {
    private final AtomicReference<String> url = new AtomicReference<>("");

    void set(String edgeUrl) {
        url.set(edgeUrl);
    }

    public String edgeUrl() {
        String value = url.get();
        if (value.isEmpty()) {
            throw new FleetException(ProblemCode.UNAVAILABLE, "the edge link is not started yet");
        }
        return value;
    }
}
