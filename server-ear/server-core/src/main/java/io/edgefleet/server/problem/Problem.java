package io.edgefleet.server.problem;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.edgefleet.protocol.ProtocolException;

/**
 * An RFC 9457 problem document with EdgeFleet's extension members {@code code} (stable) and
 * {@code hint}.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "code", "hint"})
public record Problem(String type, String title, int status, String detail, String code, String hint) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemCode code, String detail) {
        return new Problem(code.type(), code.title(), code.status(), detail, code.code(), code.hint());
    }

    public static Problem of(FleetException e) {
        return of(e.problem(), e.detail());
    }

    /** Maps the protocol module's validation failures (names, labels, selectors) to problems. */
    public static FleetException from(ProtocolException e) {
        ProblemCode code =
                switch (e.code()) {
                    case "invalid-name" -> ProblemCode.INVALID_NAME;
                    case "invalid-label" -> ProblemCode.INVALID_LABEL;
                    case "invalid-selector" -> ProblemCode.INVALID_SELECTOR;
                    default -> ProblemCode.INVALID_REQUEST;
                };
        return new FleetException(code, e.getMessage(), e);
    }
}
