package io.edgefleet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolCodecTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00.123Z");
    private final ProtocolCodec codec = new ProtocolCodec();

    static Stream<Envelope> oneOfEveryKind() {
        var spec = JsonNodeFactory.instance.objectNode().put("command", "/bin/true");
        return Stream.of(
                Envelope.of("edge-1", NOW, new Hello("0.1.0", 42, 7, NOW.minusSeconds(5))),
                Envelope.reliable(
                        "edge-1",
                        8,
                        NOW,
                        new NodeStatusReport(
                                "0.1.0",
                                "Linux",
                                "amd64",
                                "pc-7",
                                4,
                                8192,
                                List.of(new NodeCondition(
                                        NodeCondition.DISK_PRESSURE,
                                        ConditionStatus.TRUE,
                                        "LowDiskSpace",
                                        "4% free (1.0 GiB of 24 GiB) under /var/lib/edgefleet",
                                        NOW)))),
                Envelope.reliable(
                        "edge-1",
                        9,
                        NOW,
                        new WorkloadStatusReport(List.of(new io.edgefleet.protocol.workload.InstanceStatus(
                                "pump",
                                2,
                                io.edgefleet.protocol.workload.InstancePhase.FAILED,
                                3,
                                Optional.of(1),
                                "exited with code 1",
                                NOW)))),
                Envelope.reliable(
                        "edge-1",
                        10,
                        NOW,
                        new TwinReport(
                                "press-1",
                                Optional.of(io.edgefleet.protocol.device.DeviceState.ONLINE),
                                List.of(new io.edgefleet.protocol.device.ReportedValue(
                                        "temperature",
                                        Optional.of(spec.numberNode(21.5)),
                                        io.edgefleet.protocol.device.ValueQuality.GOOD,
                                        NOW,
                                        Optional.empty())),
                                List.of(new io.edgefleet.protocol.device.EdgeDesired(
                                        "setpoint", spec.numberNode(80), 3, "edge:edge-1", NOW)))),
                Envelope.reliable(
                        "edge-1",
                        12,
                        NOW,
                        new TwinReports(List.of(
                                new TwinReport(
                                        "press-1",
                                        Optional.empty(),
                                        List.of(new io.edgefleet.protocol.device.ReportedValue(
                                                "temperature",
                                                Optional.of(spec.numberNode(21.5)),
                                                io.edgefleet.protocol.device.ValueQuality.GOOD,
                                                NOW,
                                                Optional.empty())),
                                        List.of()),
                                new TwinReport(
                                        "oven-2",
                                        Optional.of(io.edgefleet.protocol.device.DeviceState.OFFLINE),
                                        List.of(),
                                        List.of())))),
                Envelope.reliable(
                        "edge-1",
                        11,
                        NOW,
                        new NodeEventReport(List.of(
                                new EdgeEvent(NOW, "Warning", "RuleFired", "Rule", "fan-on", "too hot: fan on")))),
                Envelope.of(
                        "edge-1",
                        NOW,
                        new TelemetryBatch(
                                7,
                                2,
                                List.of(new io.edgefleet.protocol.device.TelemetryReading(
                                        "press-1",
                                        "temperature",
                                        spec.numberNode(21.5),
                                        io.edgefleet.protocol.device.ValueQuality.GOOD,
                                        NOW)))),
                Envelope.of("edge-1", NOW, new TelemetryAck(7)),
                Envelope.of("edge-1", NOW, new Heartbeat(3)),
                Envelope.of("edge-1", NOW, new Ack(8)),
                Envelope.of("edge-1", NOW, Ack.answeringHello(8)),
                Envelope.of(
                        "edge-1",
                        NOW,
                        new Sync(
                                40,
                                43,
                                false,
                                List.of(
                                        new ResourceChange(
                                                41,
                                                "Workload",
                                                "pump",
                                                ResourceChange.Operation.UPSERT,
                                                Optional.of(spec)),
                                        new ResourceChange(
                                                43,
                                                "Workload",
                                                "old",
                                                ResourceChange.Operation.DELETE,
                                                Optional.empty())))),
                Envelope.of("edge-1", NOW, new SyncResult(43)),
                Envelope.of("edge-1", NOW, new LogsRequest("line-counter", LogStream.STDERR, 200)),
                Envelope.of(
                        "edge-1",
                        NOW,
                        new LogsResult(
                                "line-counter", LogStream.STDOUT, List.of("started", "12 lines"), false, "2 lines")));
    }

    @ParameterizedTest
    @MethodSource("oneOfEveryKind")
    void everyKindSurvivesARoundTrip(Envelope sent) {
        DecodeResult result = codec.decode(codec.encode(sent));

        assertThat(result).isEqualTo(new DecodeResult.Decoded(sent));
    }

    @Test
    void everyKindIsCoveredByTheRoundTrip() {
        assertThat(oneOfEveryKind().map(Envelope::kind).distinct()).containsExactlyInAnyOrder(MessageKind.values());
    }

    @Test
    void onlyTheAnswerToHelloNamesTheKindsTheServerAccepts() {
        String plain = new String(codec.encode(Envelope.of("edge-1", NOW, new Ack(8))), StandardCharsets.UTF_8);
        Ack answer = Ack.answeringHello(8);

        assertThat(plain).doesNotContain("accepts");
        assertThat(answer.accepts()).hasValueSatisfying(kinds -> assertThat(kinds)
                .contains("twin-report", "twin-reports", "hello", "sync-result")
                .doesNotContain("ack", "sync"));
    }

    @Test
    void anAckWithoutAcceptsAsAnOlderServerSendsItReadsAsSayingNothing() {
        String json = "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"ack\",\"body\":{\"upToSeq\":4}}";

        assertThat(decode(json)).isInstanceOfSatisfying(DecodeResult.Decoded.class, d -> assertThat(
                        d.envelope().body())
                .isEqualTo(new Ack(4, Optional.empty())));
    }

    @Test
    void absentOptionalFieldsReadAsEmptyAtEveryDepth() {
        // docs/protocol.md marks state and a reading's value and error optional: a peer may leave them out.
        String json = "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"seq\":3,\"ts\":1,\"kind\":\"twin-reports\","
                + "\"body\":{\"reports\":[{\"device\":\"press-1\",\"reported\":[{\"property\":\"t\",\"value\":2,"
                + "\"quality\":\"good\",\"sourceTime\":\"2026-01-01T00:00:00Z\"},{\"property\":\"u\",\"quality\":\"error\","
                + "\"sourceTime\":\"2026-01-01T00:00:00Z\"}],\"desired\":[]}]}}";

        assertThat(decode(json)).isInstanceOfSatisfying(DecodeResult.Decoded.class, d -> {
            TwinReport report = ((TwinReports) d.envelope().body()).reports().getFirst();
            assertThat(report.state()).isEmpty();
            assertThat(report.reported().get(0).error()).isEmpty();
            assertThat(report.reported().get(1).value()).isEmpty();
        });
    }

    @Test
    void heartbeatStaysSmall() {
        byte[] bytes = codec.encode(Envelope.of("edge-0001", NOW, new Heartbeat(0)));

        assertThat(bytes.length).isLessThan(160);
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        String json = "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"future\":true,"
                + "\"body\":{\"outboxDepth\":0,\"alsoFuture\":[1,2]}}";

        assertThat(decode(json)).isInstanceOf(DecodeResult.Decoded.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "{",
                "[1,2,3]",
                "\"a string\"",
                "null",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":NaN}}",
            })
    void malformedJsonIsRefused(String json) {
        assertThat(decode(json)).isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> assertThat(r.code())
                .isEqualTo("malformed-json"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":0}}",
                "{\"v\":\"1\",\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":0}}",
                "{\"v\":1,\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":0}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"Edge_1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":0}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"a/#\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":0}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":\"yesterday\",\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":0}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"seq\":-4,\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":0}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"seq\":3,\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":0}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"node-status\",\"body\":"
                        + "{\"agentVersion\":\"1\",\"os\":\"L\",\"arch\":\"x\",\"hostname\":\"h\",\"cpus\":1,\"memoryMb\":1}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":99999999999999999999999,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":0}}",
            })
    void brokenEnvelopesAreRefused(String json) {
        assertThat(decode(json)).isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> assertThat(r.code())
                .isEqualTo("invalid-envelope"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\"}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":[]}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":\"many\"}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"outboxDepth\":-1}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"hello\",\"body\":{\"agentVersion\":null,"
                        + "\"appliedVersion\":0,\"lastSeq\":0,\"bootedAt\":\"2026-01-01T00:00:00Z\"}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"sync\",\"body\":{\"fromVersion\":5,"
                        + "\"toVersion\":4,\"snapshot\":false,\"changes\":[]}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"seq\":1,\"ts\":1,\"kind\":\"node-event\",\"body\":{\"events\":[]}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"seq\":1,\"ts\":1,\"kind\":\"twin-reports\",\"body\":{\"reports\":[]}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"seq\":1,\"ts\":1,\"kind\":\"twin-reports\",\"body\":{\"reports\":["
                        + "{\"device\":\"d\",\"reported\":[],\"desired\":[]},{\"device\":\"d\",\"reported\":[],\"desired\":[]}]}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"seq\":1,\"ts\":1,\"kind\":\"twin-report\",\"body\":"
                        + "{\"device\":\"d\",\"desired\":[]}}",
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"seq\":1,\"ts\":1,\"kind\":\"node-event\",\"body\":{\"events\":["
                        + "{\"at\":\"2026-01-01T00:00:00Z\",\"type\":\"Fatal\",\"reason\":\"RuleFired\","
                        + "\"involvedKind\":\"Rule\",\"involvedName\":\"r\",\"message\":\"\"}]}}",
            })
    void wrongBodiesAreRefused(String json) {
        assertThat(decode(json)).isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> assertThat(r.code())
                .isEqualTo("invalid-body"));
    }

    @Test
    void unknownKindIsRefusedByName() {
        String json = "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"rm-rf\",\"body\":{}}";

        assertThat(decode(json)).isEqualTo(new DecodeResult.Rejected("unknown-kind", "kind 'rm-rf' is not known"));
    }

    @Test
    void newerProtocolVersionIsRefusedWithAClearReason() {
        String json = "{\"v\":2,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{}}";

        assertThat(decode(json)).isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("unsupported-version");
            assertThat(r.reason()).contains("version 2");
        });
    }

    @Test
    void oversizedMessageIsRefusedBeforeParsing() {
        var small = new ProtocolCodec(1024);
        byte[] big = ("{\"pad\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(small.decode(big)).isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> assertThat(r.code())
                .isEqualTo("too-large"));
    }

    @Test
    void deeplyNestedInputIsRefused() {
        String deep = "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"heartbeat\",\"body\":{\"x\":"
                + "[".repeat(500) + "]".repeat(500) + ",\"outboxDepth\":0}}";

        assertThat(decode(deep)).isInstanceOf(DecodeResult.Rejected.class);
    }

    @Test
    void rejectionReasonsDoNotEchoLongInput() {
        String hostileKind = "k".repeat(10_000);
        String json =
                "{\"v\":1,\"id\":\"m1\",\"node\":\"edge-1\",\"ts\":1,\"kind\":\"" + hostileKind + "\",\"body\":{}}";

        DecodeResult.Rejected rejected = (DecodeResult.Rejected) decode(json);

        assertThat(rejected.reason().length()).isLessThan(200);
    }

    @Test
    void encodingAMessageOverTheLimitFails() {
        var small = new ProtocolCodec(1024);
        var hello = Envelope.of("edge-1", NOW, new Hello("v".repeat(2000), 0, 0, NOW));

        assertThatThrownBy(() -> small.encode(hello))
                .isInstanceOfSatisfying(
                        ProtocolException.class, e -> assertThat(e.code()).isEqualTo("too-large"));
    }

    @Test
    void envelopeDemandsASequenceExactlyForReliableKinds() {
        assertThatThrownBy(() -> Envelope.reliable("edge-1", 0, NOW, new NodeStatusReport("1", "L", "x", "h", 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.reliable("edge-1", 5, NOW, new Heartbeat(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeStatusFromAnEdgeOlderThanConditionsDecodesWithNone() {
        DecodeResult result = decode("{\"v\":1,\"id\":\"m-1\",\"node\":\"edge-1\",\"seq\":3,\"ts\":1,"
                + "\"kind\":\"node-status\",\"body\":{\"agentVersion\":\"0.1.0\",\"os\":\"Linux\","
                + "\"arch\":\"amd64\",\"hostname\":\"pc\",\"cpus\":2,\"memoryMb\":1024}}");

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Decoded.class, decoded -> assertThat(
                        ((NodeStatusReport) decoded.envelope().body()).conditions())
                .isEmpty());
    }

    @Test
    void conditionsAreCheckedWhenDecoded() {
        String twice = "{\"type\":\"DiskPressure\",\"status\":\"True\",\"reason\":\"LowDiskSpace\","
                + "\"message\":\"\",\"lastTransitionTime\":\"2026-12-07T10:00:00Z\"}";
        DecodeResult duplicate = decode("{\"v\":1,\"id\":\"m-1\",\"node\":\"edge-1\",\"seq\":3,\"ts\":1,"
                + "\"kind\":\"node-status\",\"body\":{\"agentVersion\":\"0.1.0\",\"os\":\"Linux\","
                + "\"arch\":\"amd64\",\"hostname\":\"pc\",\"cpus\":2,\"memoryMb\":1024,"
                + "\"conditions\":[" + twice + "," + twice + "]}}");
        DecodeResult badStatus = decode("{\"v\":1,\"id\":\"m-1\",\"node\":\"edge-1\",\"seq\":3,\"ts\":1,"
                + "\"kind\":\"node-status\",\"body\":{\"agentVersion\":\"0.1.0\",\"os\":\"Linux\","
                + "\"arch\":\"amd64\",\"hostname\":\"pc\",\"cpus\":2,\"memoryMb\":1024,"
                + "\"conditions\":[" + twice.replace("True", "Maybe") + "]}}");

        assertThat(duplicate).isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> assertThat(r.code())
                .isEqualTo("invalid-body"));
        assertThat(badStatus).isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> assertThat(r.code())
                .isEqualTo("invalid-body"));
    }

    private DecodeResult decode(String json) {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }
}
