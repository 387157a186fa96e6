package io.edgefleet.edge.sync;

import io.edgefleet.edge.link.CommandHandler;
import io.edgefleet.edge.link.CommandOutcome;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.SyncResult;

/**
 * The {@code sync} command: apply the batch, answer {@code sync-result} with the version now
 * committed. 200 when the node holds {@code toVersion} (applied now or before), 409 when the batch
 * skips versions the node has not applied, 500 when applying failed and was rolled back; every
 * answer carries the node's real applied version, so the server knows where to resend from.
 */
public final class SyncCommandHandler implements CommandHandler {
    private final SyncApplier applier;

    public SyncCommandHandler(SyncApplier applier) {
        this.applier = applier;
    }

    @Override
    public CommandOutcome handle(Envelope command) {
        SyncOutcome outcome = applier.apply((Sync) command.body());
        int status =
                switch (outcome) {
                    case SyncOutcome.Applied applied -> 200;
                    case SyncOutcome.AlreadyApplied already -> 200;
                    case SyncOutcome.Gap gap -> 409;
                    case SyncOutcome.Failed failed -> 500;
                };
        return new CommandOutcome.Reply(status, new SyncResult(outcome.appliedVersion()));
    }
}
