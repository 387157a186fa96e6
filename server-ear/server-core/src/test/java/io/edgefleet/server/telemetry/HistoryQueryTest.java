package io.edgefleet.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {
    private static final String FROM = "2025-03-01T10:00:00Z";
    private static final String TO = "2025-03-01T11:00:00Z";

    @Test
    void aRawQueryHasTheDefaultLimit() {
        HistoryQuery query = parse("temperature", FROM, TO, null, null, null);
        assertThat(query.device()).isEqualTo("press-1");
        assertThat(query.property()).isEqualTo("temperature");
        assertThat(query.from()).isEqualTo(Instant.parse(FROM));
        assertThat(query.to()).isEqualTo(Instant.parse(TO));
        assertThat(query.step()).isEmpty();
        assertThat(query.limit()).isEqualTo(HistoryQuery.DEFAULT_LIMIT);
        assertThat(query.after()).isEmpty();
    }

    @Test
    void timesWithOffsetsAndStepsAreAccepted() {
        HistoryQuery query = parse("t", "2025-03-01T11:00:00+01:00", TO, "PT1M", "50", null);
        assertThat(query.from()).isEqualTo(Instant.parse(FROM));
        assertThat(query.step()).contains(Duration.ofMinutes(1));
        assertThat(query.limit()).isEqualTo(50);
    }

    @Test
    void aContinueTokenRoundTrips() {
        HistoryCursor cursor = new HistoryCursor(Instant.parse("2025-03-01T10:00:00.123456Z"), 42);
        HistoryQuery query = parse("t", FROM, TO, null, null, cursor.token());
        assertThat(query.after()).contains(cursor);
    }

    @Test
    void missingOrMalformedParametersAreInvalidRequests() {
        assertInvalid(null, FROM, TO, null, null, "property is required");
        assertInvalid("  ", FROM, TO, null, null, "property is required");
        assertInvalid("t", null, TO, null, null, "from is required");
        assertInvalid("t", FROM, null, null, null, "to is required");
        assertInvalid("t", "yesterday", TO, null, null, "from must be an ISO-8601 time");
        assertInvalid("t", "2025-03-01T10:00:00", TO, null, null, "from must be an ISO-8601 time");
        assertInvalid("t", TO, FROM, null, null, "from must be before to");
        assertInvalid("t", FROM, FROM, null, null, "from must be before to");
        assertInvalid("t", FROM, TO, "PT0.5S", null, "at least 1 second");
        assertInvalid("t", FROM, TO, "-PT1M", null, "at least 1 second");
        assertInvalid("t", FROM, TO, "1m", null, "ISO-8601 duration");
        assertInvalid("t", FROM, TO, null, "0", "limit must lie between");
        assertInvalid("t", FROM, TO, null, "10001", "limit must lie between");
        assertInvalid("t", FROM, TO, null, "many", "whole number");
        assertInvalid("t", "0001-01-01T00:00:00Z", TO, null, null, "must lie between");
    }

    @Test
    void moreThanTenThousandBucketsAreRefused() {
        // One hour in 1 s steps is 3,600 buckets; a week is 604,800.
        assertThat(parse("t", FROM, TO, "PT1S", null, null).step()).contains(Duration.ofSeconds(1));
        assertThat(parse("t", FROM, "2025-03-01T12:46:40Z", "PT1S", null, null).step())
                .isPresent();
        assertInvalid("t", FROM, "2025-03-01T12:46:41Z", "PT1S", null, "10001 buckets");
        assertInvalid("t", FROM, "2025-03-08T10:00:00Z", "PT1S", null, "604800 buckets");
    }

    @Test
    void bucketsAreNotPaged() {
        String token = new HistoryCursor(Instant.parse(FROM), 1).token();
        assertInvalid("t", FROM, TO, "PT1M", null, token, "leave out step or continue");
    }

    @Test
    void aForeignContinueTokenIsRefused() {
        assertThatThrownBy(() -> parse("t", FROM, TO, null, null, "bm9wZQ"))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.INVALID_CONTINUE));
        assertThatThrownBy(() -> parse("t", FROM, TO, null, null, "!!"))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.INVALID_CONTINUE));
    }

    private static void assertInvalid(
            String property, String from, String to, String step, String limit, String detail) {
        assertInvalid(property, from, to, step, limit, null, detail);
    }

    private static void assertInvalid(
            String property, String from, String to, String step, String limit, String token, String detail) {
        assertThatThrownBy(() -> parse(property, from, to, step, limit, token))
                .isInstanceOfSatisfying(FleetException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ProblemCode.INVALID_REQUEST);
                    assertThat(e.detail()).contains(detail);
                });
    }

    private static HistoryQuery parse(
            String property, String from, String to, String step, String limit, String token) {
        return HistoryQuery.parse(
                "press-1",
                new HistoryQuery.Parameters(
                        Optional.ofNullable(property),
                        Optional.ofNullable(from),
                        Optional.ofNullable(to),
                        Optional.ofNullable(step),
                        Optional.ofNullable(limit),
                        Optional.ofNullable(token)));
    }
}
