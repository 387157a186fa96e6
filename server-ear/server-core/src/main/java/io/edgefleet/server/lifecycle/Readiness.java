package io.edgefleet.server.lifecycle;

import io.edgefleet.server.edge.EdgeLinkRunner;
import io.edgefleet.server.link.LinkState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the server can do its job: migrations ran and the edge link is connected. */
@ApplicationScoped
public class Readiness {
    private final AtomicBoolean migrated = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    @Inject
    EdgeLinkRunner link;

    void migrated() {
        migrated.set(true);
    }

    void started() {
        started.set(true);
    }

    public boolean ready() {
        return migrated.get() && started.get() && link.state() == LinkState.CONNECTED;
    }

    /** What readiness consists of, for the health check's data. */
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("database", migrated.get() ? "migrated" : "not migrated");
        details.put("edgeLink", link.state().name());
        return details;
    }
}
