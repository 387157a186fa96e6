package io.edgefleet.server.telemetry;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyset position in a raw history: the last reading of a page by (source time, id), so pages stay
 * correct while readings arrive or expire. Opaque to clients (base64url of {@code at:<µs>:<id>}).
 */
public record HistoryCursor(Instant sourceTime, long id) {
    private static final Pattern TEXT = Pattern.compile("at:(-?[0-9]{1,19}):([0-9]{1,19})");

    public String token() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, sourceTime);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("at:" + micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static HistoryCursor parse(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            Matcher matcher = TEXT.matcher(text);
            if (!matcher.matches()) {
                throw invalid(null);
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(matcher.group(1)), ChronoUnit.MICROS);
            return new HistoryCursor(at, Long.parseLong(matcher.group(2)));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw invalid(e);
        }
    }

    private static FleetException invalid(Throwable cause) {
        return new FleetException(
                ProblemCode.INVALID_CONTINUE, "the continue token is not one this server issued", cause);
    }
}
