package io.edgefleet.edge.workload;

import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.workload.ArtifactRef;
import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.Probe;
import io.edgefleet.protocol.workload.ResourceLimits;
import io.edgefleet.protocol.workload.RestartPolicy;
import io.edgefleet.protocol.workload.WorkloadRuntime;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Desired workloads and sync changes for tests. */
final class WorkloadFixtures {
    private WorkloadFixtures() {}

    static ResourceChange upsert(long version, DesiredWorkload desired) {
        return new ResourceChange(
                version,
                DesiredWorkload.RESOURCE,
                desired.name(),
                ResourceChange.Operation.UPSERT,
                Optional.of(WorkloadTable.MAPPER.valueToTree(desired)));
    }

    static ResourceChange delete(long version, String name) {
        return new ResourceChange(
                version, DesiredWorkload.RESOURCE, name, ResourceChange.Operation.DELETE, Optional.empty());
    }

    static Sync delta(long from, long to, ResourceChange... changes) {
        return new Sync(from, to, false, List.of(changes));
    }

    static Sync snapshot(long to, ResourceChange... changes) {
        return new Sync(0, to, true, List.of(changes));
    }

    /** {@code /bin/sh -c script} with the given policy and environment. */
    static WorkloadTemplate shell(String script, RestartPolicy policy, Map<String, String> env) {
        return template(
                List.of("/bin/sh", "-c", script),
                List.of(),
                env,
                policy,
                Optional.empty(),
                Optional.empty(),
                ResourceLimits.NONE,
                Optional.empty());
    }

    static WorkloadTemplate template(
            List<String> command,
            List<String> args,
            Map<String, String> env,
            RestartPolicy policy,
            Optional<Probe> liveness,
            Optional<Probe> readiness,
            ResourceLimits limits,
            Optional<ArtifactRef> artifact) {
        return new WorkloadTemplate(
                WorkloadRuntime.PROCESS, artifact, command, args, env, policy, liveness, readiness, limits, 2);
    }
}
