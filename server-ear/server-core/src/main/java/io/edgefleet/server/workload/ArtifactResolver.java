package io.edgefleet.server.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.workload.ArtifactRef;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import io.edgefleet.server.artifact.Artifact;
import io.edgefleet.server.artifact.ArtifactStore;
import io.edgefleet.server.artifact.StoredArtifact;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks a workload's artifact against what the tenant has uploaded before the workload is stored.
 * The edge verifies the size and hash it is told, so a workload that names an artifact the server
 * does not hold, or the wrong size, would fail on every node; refusing it here gives the person who
 * deploys a 422 instead. People may leave out {@code sizeBytes} and {@code name}: they are filled in
 * from the stored artifact.
 */
@ApplicationScoped
public class ArtifactResolver {
    /** The name {@link WorkloadJson} gives an artifact reference that has none. */
    static final String UNNAMED = "artifact";

    @Inject
    ArtifactStore artifacts;

    WorkloadSpec resolve(TenantRef tenant, WorkloadSpec spec) {
        Optional<ArtifactRef> ref = spec.template().artifact();
        if (ref.isEmpty()) {
            return spec;
        }
        Artifact stored = artifacts
                .find(tenant, ref.get().sha256())
                .map(StoredArtifact::artifact)
                .orElseThrow(() -> new FleetException(
                        ProblemCode.UNKNOWN_ARTIFACT,
                        "spec.template.artifact: no artifact with sha256 "
                                + ref.get().sha256()));
        return new WorkloadSpec(
                spec.selector(), withArtifact(spec.template(), complete(ref.get(), stored)), spec.rollout());
    }

    /**
     * A patch that points the template at another artifact without naming its size or name must not
     * keep the old artifact's: they are dropped from the patched document, to be filled in again.
     */
    static JsonNode forgetStaleSize(JsonNode patched, JsonNode mergePatch) {
        JsonNode asked = mergePatch.path("spec").path("template").path("artifact");
        if (asked.has("sha256")
                && patched.path("spec").path("template").path("artifact") instanceof ObjectNode artifact) {
            if (!asked.has("sizeBytes")) {
                artifact.remove("sizeBytes");
            }
            if (!asked.has("name")) {
                artifact.remove("name");
            }
        }
        return patched;
    }

    static ArtifactRef complete(ArtifactRef ref, Artifact stored) {
        if (ref.sizeBytes() != 0 && ref.sizeBytes() != stored.sizeBytes()) {
            throw new FleetException(
                    ProblemCode.UNKNOWN_ARTIFACT,
                    "spec.template.artifact.sizeBytes is " + ref.sizeBytes() + " but artifact " + stored.sha256()
                            + " has " + stored.sizeBytes() + " bytes (leave sizeBytes out to take the stored size)");
        }
        String name = UNNAMED.equals(ref.name()) ? stored.name() : ref.name();
        return new ArtifactRef(name, stored.sha256(), stored.sizeBytes());
    }

    private static WorkloadTemplate withArtifact(WorkloadTemplate t, ArtifactRef artifact) {
        return new WorkloadTemplate(
                t.runtime(),
                Optional.of(artifact),
                t.command(),
                t.args(),
                t.env(),
                t.restartPolicy(),
                t.livenessProbe(),
                t.readinessProbe(),
                t.limits(),
                t.stopGraceSeconds());
    }
}
