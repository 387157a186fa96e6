package io.edgefleet.desktop.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A refusal of the server: its problem+json document (RFC 9457) with EdgeFleet's stable {@code code}
 * and {@code hint}, or what can be said of an answer that was not problem+json.
 */
public record ApiProblem(int status, String code, String title, String detail, String hint) {

    static ApiProblem of(int status, JsonNode body) {
        return new ApiProblem(
                status,
                body.path("code").asText("http-" + status),
                body.path("title").asText(""),
                body.path("detail").asText(""),
                body.path("hint").asText(""));
    }

    static ApiProblem notProblemJson(int status, String body) {
        String shortBody = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        return new ApiProblem(status, "http-" + status, "HTTP " + status, shortBody, "");
    }

    /** One line for a person: what was refused and why, with the server's hint when it gave one. */
    public String message() {
        StringBuilder text = new StringBuilder();
        text.append(title.isEmpty() ? "Refused" : title)
                .append(" (")
                .append(status)
                .append(' ')
                .append(code);
        text.append(')');
        if (!detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        if (!hint.isEmpty()) {
            text.append(" — ").append(hint);
        }
        return text.toString();
    }
}
