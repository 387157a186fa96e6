package io.edgefleet.server.node;

import io.edgefleet.server.resource.ListMeta;
import java.util.List;

/** One page of nodes. */
public record NodeList(List<Node> items, ListMeta metadata) {
    public NodeList {
        items = List.copyOf(items);
    }
}
