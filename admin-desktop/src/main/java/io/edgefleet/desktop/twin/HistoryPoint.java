package io.edgefleet.desktop.twin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One point of the history chart: a bucket's start and average (booleans count 1 and 0 on the server). */
public record HistoryPoint(Instant time, double value) {

    /** The buckets of {@code GET /api/v1/devices/{name}/history?step=...}; buckets of strings only are left out. */
    static List<HistoryPoint> parseBuckets(JsonNode answer) {
        List<HistoryPoint> points = new ArrayList<>();
        for (JsonNode bucket : answer.path("items")) {
            Optional<Instant> start = io.edgefleet.desktop.api.Json.instant(bucket, "start");
            JsonNode avg = bucket.path("avg");
            if (start.isPresent() && avg.isNumber()) {
                points.add(new HistoryPoint(start.get(), avg.asDouble()));
            }
        }
        return points;
    }
}
