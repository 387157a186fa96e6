package io.edgefleet.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.protocol.Ack;
import io.edgefleet.protocol.MessageKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKindsTest {
    @TempDir
    Path dataDir;

    @Test
    void negotiatedKindsWaitForTheServerToNameThemAndTheAnswerIsKeptAcrossRestarts() {
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            ServerKinds kinds = new ServerKinds(store);
            assertThat(kinds.accepts(MessageKind.TWIN_REPORT)).isTrue();
            assertThat(kinds.accepts(MessageKind.TWIN_REPORTS))
                    .as("before any answer")
                    .isFalse();

            kinds.onAck(Ack.answeringHello(7), true);
            assertThat(kinds.accepts(MessageKind.TWIN_REPORTS)).isTrue();
            kinds.onAck(new Ack(8), false);
            assertThat(kinds.accepts(MessageKind.TWIN_REPORTS))
                    .as("a plain ack changes nothing")
                    .isTrue();
        }
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            assertThat(new ServerKinds(store).accepts(MessageKind.TWIN_REPORTS))
                    .as("offline after a restart")
                    .isTrue();
        }
    }

    @Test
    void anAnswerToHelloWithoutTheFieldWithdrawsNegotiatedKinds() {
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            ServerKinds kinds = new ServerKinds(store);
            kinds.onAck(Ack.answeringHello(7), true);

            kinds.onAck(new Ack(7), true); // the server was replaced by an older one

            assertThat(kinds.accepts(MessageKind.TWIN_REPORTS)).isFalse();
            assertThat(new ServerKinds(store).accepts(MessageKind.TWIN_REPORTS)).isFalse();
        }
    }
}
