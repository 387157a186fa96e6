package io.edgefleet.edge.device;

import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.store.StoreUpdater;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code edgefleet-edge set DEVICE PROPERTY VALUE}: records an edge-set desired value in the store
 * (by = {@code edge:<node>}), checked against the device's model first; the running daemon writes
 * it to the device within a collect cycle and reports it upstream under decision 0005. Exit 2 for a
 * value the model refuses (unknown device or property, ReadOnly, wrong type, out of range).
 */
public final class SetCommand {
    private SetCommand() {}

    public static int run(
            Path dataDir,
            String node,
            String device,
            String property,
            String value,
            PrintStream out,
            PrintStream err,
            Clock clock) {
        Optional<SetOutcome> outcome = StoreUpdater.update(
                dataDir,
                DeviceTable.SCHEMA_VERSION,
                c -> EdgeDesiredWriter.setText(c, device, property, value, "edge:" + node, clock.instant()));
        if (outcome.isEmpty()) {
            err.println("edgefleet-edge: no device store in " + dataDir
                    + " (the daemon has not run here yet, or an older one did; check data-dir)");
            return EdgeException.EXIT_NOT_ENROLLED;
        }
        return switch (outcome.get()) {
            case SetOutcome.Recorded recorded -> {
                out.println("set " + device + "." + property + " = "
                        + recorded.change().value()
                        + " (edge change on desired version "
                        + recorded.change().baseVersion()
                        + "); the daemon writes it within a collect cycle");
                yield 0;
            }
            case SetOutcome.Refused refused -> {
                err.println("edgefleet-edge: " + refused.reason() + " (" + refused.code() + ")");
                yield EdgeException.EXIT_USAGE;
            }
        };
    }
}
