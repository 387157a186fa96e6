package io.edgefleet.edge.workload;

import io.edgefleet.protocol.workload.InstancePhase;
import java.time.Instant;
import java.util.Optional;

/** A changed copy of an {@link InstanceRecord}, one field at a time. */
final class RecordBuilder {
    private final InstanceRecord from;
    private String token;
    private Optional<Long> pid;
    private Optional<Instant> processStart;
    private Optional<Instant> startedAt;
    private long generation;
    private InstancePhase phase;
    private int restarts;
    private Optional<Integer> lastExit;
    private String message;
    private Instant since;
    private String cgroup;

    RecordBuilder(InstanceRecord from) {
        this.from = from;
        token = from.token();
        pid = from.pid();
        processStart = from.processStart();
        startedAt = from.startedAt();
        generation = from.generation();
        phase = from.phase();
        restarts = from.restarts();
        lastExit = from.lastExit();
        message = from.message();
        since = from.since();
        cgroup = from.cgroup();
    }

    RecordBuilder token(String value) {
        token = value;
        return this;
    }

    RecordBuilder pid(Optional<Long> value) {
        pid = value;
        return this;
    }

    RecordBuilder processStart(Optional<Instant> value) {
        processStart = value;
        return this;
    }

    RecordBuilder startedAt(Optional<Instant> value) {
        startedAt = value;
        return this;
    }

    RecordBuilder generation(long value) {
        generation = value;
        return this;
    }

    RecordBuilder phase(InstancePhase value) {
        phase = value;
        return this;
    }

    RecordBuilder restarts(int value) {
        restarts = value;
        return this;
    }

    RecordBuilder lastExit(Optional<Integer> value) {
        lastExit = value;
        return this;
    }

    RecordBuilder message(String value) {
        message = value;
        return this;
    }

    RecordBuilder since(Instant value) {
        since = value;
        return this;
    }

    RecordBuilder cgroup(String value) {
        cgroup = value;
        return this;
    }

    InstanceRecord build() {
        return new InstanceRecord(
                from.name(),
                token,
                pid,
                processStart,
                startedAt,
                from.fingerprint(),
                generation,
                from.template(),
                phase,
                restarts,
                lastExit,
                message,
                since,
                cgroup);
    }
}
