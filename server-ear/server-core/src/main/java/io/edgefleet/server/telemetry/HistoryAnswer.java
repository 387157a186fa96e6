package io.edgefleet.server.telemetry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of a history query: raw {@link Points} or {@link Downsampled} buckets. */
public sealed interface HistoryAnswer {

    /** One reading as reported. */
    record Point(
            Instant sourceTime,
            @Schema(description = "The value as reported: a number, boolean or string") JsonNode value,
            @Schema(enumeration = {"good", "stale", "error"}) String quality) {}

    /** More readings follow when {@code continue} is present: pass it as {@code continue} for the next page. */
    record Page(@JsonProperty("continue") Optional<String> continueToken) {}

    /** Raw readings in source-time order. */
    @Schema(name = "HistoryPoints")
    record Points(String device, String property, Instant from, Instant to, List<Point> items, Page metadata)
            implements HistoryAnswer {
        public Points {
            items = List.copyOf(items);
        }
    }

    /**
     * The readings of one bucket {@code [start, start + step)}; min, max and avg over the numeric values
     * (booleans count as 1 and 0), absent when the bucket holds strings only.
     */
    record Bucket(
            Instant start,
            long count,
            Optional<Double> min,
            Optional<Double> max,
            Optional<Double> avg,
            @Schema(description = "The value of the bucket's latest reading") JsonNode last) {}

    /** Buckets in time order; buckets without readings are left out. */
    @Schema(name = "HistoryBuckets")
    record Downsampled(
            String device,
            String property,
            Instant from,
            Instant to,
            @Schema(description = "ISO-8601 duration, e.g. PT1M") String step,
            List<Bucket> items)
            implements HistoryAnswer {
        public Downsampled {
            items = List.copyOf(items);
        }
    }
}
