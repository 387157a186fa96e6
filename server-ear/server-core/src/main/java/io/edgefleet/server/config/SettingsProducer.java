package io.edgefleet.server.config;

import io.edgefleet.server.artifact.ArtifactSettings;
import io.edgefleet.server.edge.LinkSettings;
import io.edgefleet.server.enrollment.EnrollmentSettings;
import io.edgefleet.server.event.EventSettings;
import io.edgefleet.server.node.LivenessSettings;
import io.edgefleet.server.security.AdminSettings;
import io.edgefleet.server.sync.SyncSettings;
import io.edgefleet.server.telemetry.TelemetrySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Reads every component's settings once from MicroProfile Config (environment variables, system
 * properties, server.xml variables) and hands out the immutable records.
 */
@ApplicationScoped
public class SettingsProducer {
    @Inject
    Config config;

    private ServerSettings server;
    private LinkSettings link;
    private LivenessSettings liveness;
    private EnrollmentSettings enrollment;
    private AdminSettings admin;
    private SyncSettings sync;
    private ArtifactSettings artifact;
    private TelemetrySettings telemetry;
    private EventSettings event;

    @PostConstruct
    void read() {
        SettingsReader reader = SettingsReader.of(key -> config.getOptionalValue(key, String.class));
        server = ServerSettings.from(reader);
        link = LinkSettings.from(reader, server);
        liveness = LivenessSettings.from(reader);
        enrollment = EnrollmentSettings.from(reader);
        admin = AdminSettings.from(reader, server);
        sync = SyncSettings.from(reader);
        artifact = ArtifactSettings.from(reader);
        telemetry = TelemetrySettings.from(reader);
        event = EventSettings.from(reader);
    }

    @Produces
    public ServerSettings server() {
        return server;
    }

    @Produces
    public LinkSettings link() {
        return link;
    }

    @Produces
    public LivenessSettings liveness() {
        return liveness;
    }

    @Produces
    public EnrollmentSettings enrollment() {
        return enrollment;
    }

    @Produces
    public AdminSettings admin() {
        return admin;
    }

    @Produces
    public SyncSettings sync() {
        return sync;
    }

    @Produces
    public ArtifactSettings artifact() {
        return artifact;
    }

    @Produces
    public TelemetrySettings telemetry() {
        return telemetry;
    }

    @Produces
    public EventSettings event() {
        return event;
    }
}
