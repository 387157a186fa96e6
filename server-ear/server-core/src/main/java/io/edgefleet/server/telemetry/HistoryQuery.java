package io.edgefleet.server.telemetry;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A history query of one device property, as parsed from {@code GET
 * /devices/{name}/history?property=&from=&to=[&step=][&limit=][&continue=]}: readings with {@code from ≤
 * sourceTime < to}, either raw (paged by {@code limit} and {@code continue}) or downsampled into buckets
 * of {@code step}. Times are kept to the microsecond, the precision of the {@code reading} table.
 */
public record HistoryQuery(
        String device,
        String property,
        Instant from,
        Instant to,
        Optional<Duration> step,
        int limit,
        Optional<HistoryCursor> after) {
    public static final int DEFAULT_LIMIT = 1_000;
    public static final int MAX_LIMIT = 10_000;
    public static final long MAX_BUCKETS = 10_000;
    public static final Duration MIN_STEP = Duration.ofSeconds(1);
    /** The range the databases compare and subtract safely. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final int MAX_PROPERTY = 63;

    /** The query parameters as sent; each empty when absent. */
    public record Parameters(
            Optional<String> property,
            Optional<String> from,
            Optional<String> to,
            Optional<String> step,
            Optional<String> limit,
            Optional<String> continueToken) {}

    /** Parses and checks the parameters; {@code invalid-request} (400) names what is wrong. */
    public static HistoryQuery parse(String device, Parameters parameters) {
        String property = parameters.property().map(String::strip).orElse("");
        if (property.isEmpty()) {
            throw invalid("property is required: the name of one of the device's properties");
        }
        if (property.length() > MAX_PROPERTY) {
            throw invalid("property must have at most " + MAX_PROPERTY + " characters");
        }
        Instant from = time("from", parameters.from());
        Instant to = time("to", parameters.to());
        if (!from.isBefore(to)) {
            throw invalid("from must be before to");
        }
        Optional<Duration> step =
                parameters.step().map(String::strip).filter(s -> !s.isEmpty()).map(HistoryQuery::step);
        step.ifPresent(s -> {
            long buckets = Buckets.count(from, to, s);
            if (buckets > MAX_BUCKETS) {
                throw invalid("from, to and step make " + buckets + " buckets; at most " + MAX_BUCKETS
                        + " are answered: choose a larger step or a shorter range");
            }
        });
        int limit = limit(parameters.limit());
        Optional<HistoryCursor> after =
                parameters.continueToken().filter(s -> !s.isEmpty()).map(HistoryCursor::parse);
        if (step.isPresent() && after.isPresent()) {
            throw invalid("continue pages raw readings; buckets come in one answer (leave out step or continue)");
        }
        return new HistoryQuery(device, property, from, to, step, limit, after);
    }

    private static Instant time(String name, Optional<String> text) {
        String value = text.map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw invalid(name + " is required: an ISO-8601 time such as 2025-01-31T12:00:00Z");
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new FleetException(
                    ProblemCode.INVALID_REQUEST,
                    name + " must be an ISO-8601 time with a zone or offset, such as 2025-01-31T12:00:00Z",
                    e);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw invalid(name + " must lie between " + EARLIEST + " and " + LATEST);
        }
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Duration step(String text) {
        Duration step;
        try {
            step = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new FleetException(
                    ProblemCode.INVALID_REQUEST, "step must be an ISO-8601 duration such as PT1M or PT15S", e);
        }
        if (step.compareTo(MIN_STEP) < 0) {
            throw invalid("step must be at least 1 second (PT1S)");
        }
        try {
            // Buckets are computed in microseconds.
            return Duration.of(step.toNanos() / 1_000, ChronoUnit.MICROS);
        } catch (ArithmeticException | DateTimeException e) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "step is too large", e);
        }
    }

    private static int limit(Optional<String> text) {
        String value = text.map(String::strip).orElse("");
        if (value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "limit must be a whole number", e);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit must lie between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static FleetException invalid(String detail) {
        return new FleetException(ProblemCode.INVALID_REQUEST, detail);
    }
}
