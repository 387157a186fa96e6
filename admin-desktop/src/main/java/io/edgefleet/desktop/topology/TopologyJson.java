package io.edgefleet.desktop.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code GET /api/v1/topology} with Jackson's streaming parser straight into {@link NodeSummary}
 * records, as the bytes arrive: no text copy of the answer and no JSON tree of 10,000 nodes. The rows
 * representation (one array per node under a {@code columns} header) is asked for first; an older server
 * answers objects, which are read too.
 */
public final class TopologyJson {
    public static final String ROWS = "application/vnd.edgefleet.topology-rows+json";
    /** Rows preferred, objects accepted. */
    public static final String ACCEPT = ROWS + ", application/json;q=0.5";

    private static final JsonFactory FACTORY = new JsonFactory();

    private TopologyJson() {}

    /** The topology in {@code body}, in the representation {@code mediaType} names. */
    public static Topology read(String mediaType, InputStream body) throws IOException {
        try (JsonParser json = FACTORY.createParser(body)) {
            expect(json, json.nextToken(), JsonToken.START_OBJECT);
            String tenant = "";
            long version = 0;
            Columns columns = null;
            List<NodeSummary> nodes = new ArrayList<>();
            boolean rows = ROWS.equals(mediaType);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "tenant" -> tenant = json.getText();
                    case "resourceVersion" -> version = json.getLongValue();
                    case "columns" -> columns = Columns.read(json);
                    case "sites" -> {
                        expect(json, value, JsonToken.START_ARRAY);
                        if (rows && columns == null) {
                            throw new JsonParseException(json, "the rows' columns must come before the sites");
                        }
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            readSite(json, rows ? columns : null, nodes);
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            return new Topology(tenant, version, nodes);
        }
    }

    private static void readSite(JsonParser json, Columns columns, List<NodeSummary> nodes) throws IOException {
        String site = "";
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("name")) {
                site = json.getText();
            } else if (field.equals("nodes")) {
                expect(json, value, JsonToken.START_ARRAY);
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    nodes.add(columns == null ? readObject(json) : columns.readRow(json, site));
                }
            } else {
                json.skipChildren();
            }
        }
    }

    /** {@code {name, phase, lastSeen, labels, devices:{total, online, offline, unknown}}}. */
    private static NodeSummary readObject(JsonParser json) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        String name = "";
        String phase = "Pending";
        Map<String, String> labels = Map.of();
        DeviceCounts devices = DeviceCounts.NONE;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "name" -> name = json.getText();
                case "phase" -> phase = json.getText();
                case "labels" -> labels = readLabels(json, "");
                case "devices" -> devices = readCounts(json);
                default -> json.skipChildren(); // lastSeen and anything newer: the tree does not show them
            }
        }
        return new NodeSummary(name, phase, labels, devices);
    }

    private static DeviceCounts readCounts(JsonParser json) throws IOException {
        int total = 0;
        int online = 0;
        int offline = 0;
        int unknown = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "total" -> total = json.getIntValue();
                case "online" -> online = json.getIntValue();
                case "offline" -> offline = json.getIntValue();
                case "unknown" -> unknown = json.getIntValue();
                default -> json.skipChildren();
            }
        }
        return new DeviceCounts(total, online, offline, unknown);
    }

    /** A string-to-string object; {@code site}, when not empty, is added as the site label. */
    private static Map<String, String> readLabels(JsonParser json, String site) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        Map<String, String> labels = new HashMap<>(4);
        if (!site.isEmpty()) {
            labels.put(NodeSummary.SITE_LABEL, site);
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            labels.put(key, json.getText());
        }
        return labels;
    }

    private static void expect(JsonParser json, JsonToken actual, JsonToken expected) throws JsonParseException {
        if (actual != expected) {
            throw new JsonParseException(json, "expected " + expected + ", found " + actual);
        }
    }

    /**
     * Where the values of a node row are, from the answer's {@code columns}: positions are looked up by
     * name, so columns a newer server adds are skipped.
     */
    private record Columns(int name, int phase, int labels, int online, int offline, int unknown) {
        static Columns read(JsonParser json) throws IOException {
            expect(json, json.currentToken(), JsonToken.START_ARRAY);
            List<String> names = new ArrayList<>();
            while (json.nextToken() == JsonToken.VALUE_STRING) {
                names.add(json.getText());
            }
            return new Columns(
                    position(json, names, "name"),
                    position(json, names, "phase"),
                    position(json, names, "labels"),
                    position(json, names, "online"),
                    position(json, names, "offline"),
                    position(json, names, "unknown"));
        }

        private static int position(JsonParser json, List<String> names, String column) throws JsonParseException {
            int at = names.indexOf(column);
            if (at < 0) {
                throw new JsonParseException(json, "the rows have no column '" + column + "'");
            }
            return at;
        }

        NodeSummary readRow(JsonParser json, String site) throws IOException {
            expect(json, json.currentToken(), JsonToken.START_ARRAY);
            String nodeName = "";
            String nodePhase = "Pending";
            Map<String, String> nodeLabels = Map.of();
            int countOnline = 0;
            int countOffline = 0;
            int countUnknown = 0;
            for (int at = 0; json.nextToken() != JsonToken.END_ARRAY; at++) {
                if (at == name) {
                    nodeName = json.getText();
                } else if (at == phase) {
                    nodePhase = json.getText();
                } else if (at == labels) {
                    nodeLabels = readLabels(json, site);
                } else if (at == online) {
                    countOnline = json.getIntValue();
                } else if (at == offline) {
                    countOffline = json.getIntValue();
                } else if (at == unknown) {
                    countUnknown = json.getIntValue();
                } else {
                    json.skipChildren(); // lastSeen, and columns added later
                }
            }
            return new NodeSummary(
                    nodeName,
                    nodePhase,
                    nodeLabels,
                    new DeviceCounts(
                            countOnline + countOffline + countUnknown, countOnline, countOffline, countUnknown));
        }
    }
}
