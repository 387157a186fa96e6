package io.edgefleet.server.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An HTTP answer: status, headers, the raw body and the body parsed as JSON (missing node if not JSON). */
public record Reply(int status, HttpHeaders headers, String body, JsonNode json) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The problem's stable code, for problem+json answers. */
    public String code() {
        return json.path("code").asText();
    }

    @Override
    public String toString() {
        return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
    }
}
