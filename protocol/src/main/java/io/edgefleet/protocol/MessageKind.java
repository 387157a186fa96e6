package io.edgefleet.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every message kind, its body type, the channel it travels on and whether it is reliable. */
public enum MessageKind {
    HELLO("hello", Hello.class, Channel.EVENT, false),
    NODE_STATUS("node-status", NodeStatusReport.class, Channel.EVENT, true),
    WORKLOAD_STATUS("workload-status", WorkloadStatusReport.class, Channel.EVENT, true),
    TWIN_REPORT("twin-report", TwinReport.class, Channel.EVENT, true),
    TWIN_REPORTS("twin-reports", TwinReports.class, Channel.EVENT, true),
    NODE_EVENT("node-event", NodeEventReport.class, Channel.EVENT, true),
    TELEMETRY_BATCH("telemetry-batch", TelemetryBatch.class, Channel.TELEMETRY, false),
    HEARTBEAT("heartbeat", Heartbeat.class, Channel.TELEMETRY, false),
    ACK("ack", Ack.class, Channel.COMMAND, false),
    TELEMETRY_ACK("telemetry-ack", TelemetryAck.class, Channel.COMMAND, false),
    SYNC("sync", Sync.class, Channel.COMMAND, false),
    SYNC_RESULT("sync-result", SyncResult.class, Channel.COMMAND_RESPONSE, false),
    LOGS("logs", LogsRequest.class, Channel.COMMAND, false),
    LOGS_RESULT("logs-result", LogsResult.class, Channel.COMMAND_RESPONSE, false);

    /** Where a kind travels; see {@link Topics}. */
    public enum Channel {
        /** Upstream, MQTT QoS 1, {@code event/{tenant}/{node}}. */
        EVENT,
        /** Upstream, {@code telemetry/{tenant}/{node}}: heartbeats at QoS 0, telemetry batches at QoS 1. */
        TELEMETRY,
        /** Downstream, MQTT QoS 1, {@code command/{tenant}/{node}/req/{reqId}/{name}}. */
        COMMAND,
        /** Upstream answer, {@code command/{tenant}/{node}/res/{reqId}/{status}}. */
        COMMAND_RESPONSE
    }

    private final String wireName;
    private final Class<? extends MessageBody> bodyType;
    private final Channel channel;
    private final boolean reliable;

    MessageKind(String wireName, Class<? extends MessageBody> bodyType, Channel channel, boolean reliable) {
        this.wireName = wireName;
        this.bodyType = bodyType;
        this.channel = channel;
        this.reliable = reliable;
    }

    /** The name in the envelope's {@code kind} field and, for commands, the last topic level. */
    public String wireName() {
        return wireName;
    }

    public Class<? extends MessageBody> bodyType() {
        return bodyType;
    }

    public Channel channel() {
        return channel;
    }

    /**
     * Reliable kinds go through the edge outbox, carry a sequence number and are acknowledged end
     * to end; they are never dropped.
     */
    public boolean reliable() {
        return reliable;
    }

    /**
     * Whether a node may send this kind only to a server whose answer to {@code hello} named it in
     * {@link Ack#accepts()}: kinds added to version 1 after its first servers, which refuse them.
     */
    public boolean negotiated() {
        return this == TWIN_REPORTS;
    }

    /** The kinds a node sends, in declaration order. */
    public static List<MessageKind> upstream() {
        return Arrays.stream(values()).filter(k -> k.channel != Channel.COMMAND).toList();
    }

    public static Optional<MessageKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    public static MessageKind of(MessageBody body) {
        return switch (body) {
            case Hello h -> HELLO;
            case NodeStatusReport s -> NODE_STATUS;
            case WorkloadStatusReport w -> WORKLOAD_STATUS;
            case TwinReport t -> TWIN_REPORT;
            case TwinReports t -> TWIN_REPORTS;
            case NodeEventReport e -> NODE_EVENT;
            case TelemetryBatch t -> TELEMETRY_BATCH;
            case TelemetryAck a -> TELEMETRY_ACK;
            case Heartbeat h -> HEARTBEAT;
            case Ack a -> ACK;
            case Sync s -> SYNC;
            case SyncResult r -> SYNC_RESULT;
            case LogsRequest l -> LOGS;
            case LogsResult l -> LOGS_RESULT;
        };
    }
}
