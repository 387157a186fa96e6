package io.edgefleet.protocol;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Upstream, reliable: the twins of several devices of the node in one message, each as a {@code
 * twin-report} would carry it (decision record 0009). A node sends what its devices reported in one
 * report cycle this way, so ten devices cost one message, one outbox row and one acknowledgement
 * instead of ten. The server applies the reports in order, each as if it had come alone, under the
 * message's one sequence number. A node sends this kind only to a server whose {@link Ack#accepts()}
 * named it.
 *
 * @param reports one to {@value #MAX_REPORTS} reports, each of another device
 */
public record TwinReports(List<TwinReport> reports) implements MessageBody {
    /** Bounds the work one message asks of the server; the message size limit bounds it further. */
    public static final int MAX_REPORTS = 1000;

    public TwinReports {
        reports = List.copyOf(Objects.requireNonNull(reports, "reports"));
        if (reports.isEmpty() || reports.size() > MAX_REPORTS) {
            throw new IllegalArgumentException("reports must hold 1 to " + MAX_REPORTS + " reports");
        }
        Set<String> devices = new HashSet<>();
        for (TwinReport report : reports) {
            if (!devices.add(report.device())) {
                throw new IllegalArgumentException("device " + report.device() + " is reported twice");
            }
        }
    }
}
