package io.edgefleet.protocol.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.WorkloadStatusReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadTemplateTest {
    private final ObjectMapper mapper = ProtocolCodec.newMapper(ProtocolCodec.DEFAULT_MAX_MESSAGE_BYTES);

    private static WorkloadTemplate full(Map<String, String> env) {
        return new WorkloadTemplate(
                WorkloadRuntime.PROCESS,
                Optional.of(new ArtifactRef("collector", "a".repeat(64), 1234)),
                List.of(),
                List.of("--port", "8080"),
                env,
                RestartPolicy.ON_FAILURE,
                Optional.of(new Probe(ProbeType.HTTP, List.of(), 8080, "/health", 1, 2, 1, 3)),
                Optional.of(new Probe(ProbeType.EXEC, List.of("true"), 0, "/", 0, 1, 1, 1)),
                new ResourceLimits(64, 500),
                5);
    }

    @Test
    void templateTravelsInASyncChangeAndComesBackEqual() throws Exception {
        WorkloadTemplate template = full(Map.of("A", "1", "B", "2"));
        DesiredWorkload desired = new DesiredWorkload("collector", 3, template);
        JsonNode spec = mapper.valueToTree(desired);
        ResourceChange change = new ResourceChange(
                7, DesiredWorkload.RESOURCE, "collector", ResourceChange.Operation.UPSERT, Optional.of(spec));
        ProtocolCodec codec = new ProtocolCodec();
        byte[] wire = codec.encode(Envelope.of("n1", Instant.EPOCH, new Sync(6, 7, false, List.of(change))));
        Sync decoded = (Sync) ((io.edgefleet.protocol.DecodeResult.Decoded) codec.decode(wire))
                .envelope()
                .body();
        DesiredWorkload back =
                mapper.treeToValue(decoded.changes().getFirst().spec().orElseThrow(), DesiredWorkload.class);
        assertThat(back).isEqualTo(desired);
        assertThat(spec.path("template").path("restartPolicy").asText()).isEqualTo("OnFailure");
    }

    @Test
    void fingerprintIgnoresMapOrderButSeesEveryField() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("A", "1");
        ab.put("B", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("B", "2");
        ba.put("A", "1");
        assertThat(full(ab).fingerprint()).isEqualTo(full(ba).fingerprint()).hasSize(64);
        assertThat(full(Map.of("A", "1", "B", "3")).fingerprint()).isNotEqualTo(full(ab).fingerprint());
    }

    @Test
    void templateWithoutCommandOrArtifactIsRefused() {
        assertThatThrownBy(() -> WorkloadTemplate.ofCommand(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("command or an artifact");
    }

    @Test
    void probeWithoutItsTargetIsRefused() {
        assertThatThrownBy(() -> new Probe(ProbeType.TCP, List.of(), 0, "/", 0, 1, 1, 1))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> new Probe(ProbeType.EXEC, List.of(), 0, "/", 0, 1, 1, 1))
                .hasMessageContaining("command");
    }

    @Test
    void workloadStatusReportRoundTrips() {
        ProtocolCodec codec = new ProtocolCodec();
        InstanceStatus status = new InstanceStatus(
                "collector", 2, InstancePhase.RUNNING, 1, Optional.of(137), "restarted", Instant.ofEpochMilli(5));
        WorkloadStatusReport report = new WorkloadStatusReport(List.of(status));
        byte[] wire = codec.encode(Envelope.reliable("n1", 4, Instant.EPOCH, report));
        var decoded = (io.edgefleet.protocol.DecodeResult.Decoded) codec.decode(wire);
        assertThat(decoded.envelope().body()).isEqualTo(report);
    }
}
