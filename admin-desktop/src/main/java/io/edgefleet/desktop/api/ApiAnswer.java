package io.edgefleet.desktop.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What the server answered: a JSON document, or a refusal with its problem. */
public sealed interface ApiAnswer {

    /** A 2xx answer; {@code body} is an empty object for 204. */
    record Ok(int status, JsonNode body, Optional<String> etag) implements ApiAnswer {}

    /** A 4xx/5xx answer. */
    record Refused(ApiProblem problem) implements ApiAnswer {}

    /** The body of an Ok answer, or an exception with the problem's message. */
    default JsonNode bodyOrThrow() {
        return switch (this) {
            case Ok ok -> ok.body();
            case Refused refused -> throw new RefusedException(refused.problem());
        };
    }
}
