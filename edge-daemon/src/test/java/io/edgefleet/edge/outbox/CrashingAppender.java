package io.edgefleet.edge.outbox;

import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.protocol.NodeStatusReport;
import io.edgefleet.protocol.ProtocolCodec;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a child JVM by {@link OutboxTest}: appends entries, then dies without closing anything, as
 * a power cut or SIGKILL would leave the store.
 */
public final class CrashingAppender {
    private CrashingAppender() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        EdgeStore store = EdgeStore.open(dataDir);
        Outbox outbox = new Outbox(store, new ProtocolCodec(), "edge-1", Clock.systemUTC());
        for (int i = 0; i < count; i++) {
            outbox.append(new NodeStatusReport("crash-" + i, "Linux", "amd64", "pc", 1, 1));
        }
        System.out.println("appended " + count);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
