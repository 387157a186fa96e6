package io.edgefleet.server.web.topology;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of {@code application/vnd.edgefleet.topology-rows+json}, for the OpenAPI document only:
 * {@link TopologyJson} writes the answer itself.
 */
@Schema(
        name = "TopologyRows",
        description = "The topology with one array per node. 'columns' comes before 'sites' and says what each"
                + " position of a node row holds: name, phase, lastSeen (ISO-8601, null if never seen), labels"
                + " (an object without the site label: the site's name is its value), then the counts of its"
                + " devices Online, Offline and Unknown (their sum is the total). Columns may be added at the"
                + " end; read positions by name.")
public record TopologyRows(
        String tenant,
        @Schema(description = "The tenant's version when it was read: watch from it") long resourceVersion,
        @Schema(
                        description = "Names of the positions of a node row",
                        example = "[\"name\",\"phase\",\"lastSeen\",\"labels\",\"online\",\"offline\",\"unknown\"]")
                List<String> columns,
        List<RowsSite> sites) {

    /** A site with its node rows in name order. */
    @Schema(name = "TopologyRowsSite")
    public record RowsSite(
            @Schema(description = "The site label's value; \"\" for nodes without one") String name,
            @Schema(
                            description = "One array per node, laid out as 'columns' says",
                            example =
                                    "[[\"plant-a-ipc-1\",\"Online\",\"2026-12-07T10:00:00Z\",{\"line\":\"2\"},9,1,0]]")
                    List<List<Object>> nodes) {}
}
