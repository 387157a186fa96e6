package io.edgefleet.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.ApiAnswer;
import io.edgefleet.desktop.api.ApiProblem;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.api.RefusedException;
import io.edgefleet.desktop.api.ServerAddress;
import io.edgefleet.desktop.api.ServerUnreachableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server made of JSON fixtures shaped as the API's answers: each path (up to its query, or with it
 * when registered so) answers what was registered; every request is recorded for the assertions.
 */
public final class FakeFleetClient implements FleetClient {
    public record Request(String method, String path, Optional<JsonNode> body, Optional<String> ifMatch) {}

    private record RawAnswer(String mediaType, byte[] body) {}

    private final Map<String, ApiAnswer> answers = new LinkedHashMap<>();
    private final Map<String, RawAnswer> rawAnswers = new LinkedHashMap<>();
    private final List<String> accepts = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private boolean unreachable;

    public static JsonNode fixture(String name) {
        return Json.parse(fixtureText(name));
    }

    public static String fixtureText(String name) {
        try (InputStream in = FakeFleetClient.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer for {@link #read} given as it goes over the wire, in {@code mediaType}. */
    public FakeFleetClient answerRaw(String path, String mediaType, String body) {
        rawAnswers.put(path, new RawAnswer(mediaType, body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** The Accept headers of the streamed reads, in order. */
    public List<String> accepts() {
        return accepts;
    }

    public FakeFleetClient answer(String path, JsonNode body) {
        answers.put(path, new ApiAnswer.Ok(200, body, Optional.of("\"1\"")));
        return this;
    }

    public FakeFleetClient answer(String path, JsonNode body, String etag) {
        answers.put(path, new ApiAnswer.Ok(200, body, Optional.of(etag)));
        return this;
    }

    public FakeFleetClient refuse(String path, int status, String code, String detail) {
        answers.put(path, new ApiAnswer.Refused(new ApiProblem(status, code, "Refused", detail, "")));
        return this;
    }

    public void unreachable(boolean down) {
        this.unreachable = down;
    }

    public List<Request> requests() {
        return requests;
    }

    public List<Request> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    @Override
    public ApiAnswer get(String path) {
        return respond(new Request("GET", path, Optional.empty(), Optional.empty()));
    }

    @Override
    public ApiAnswer send(
            String method, String path, Optional<JsonNode> body, String contentType, Optional<String> ifMatch) {
        return respond(new Request(method, path, body, ifMatch));
    }

    /** A raw answer when one was registered for the path, else the JSON answer as application/json. */
    @Override
    public <T> T read(String path, String accept, BodyReader<T> reader) {
        accepts.add(accept);
        // Recorded like every request, and thrown while the fake server is unreachable.
        ApiAnswer answer = respond(new Request("GET", path, Optional.empty(), Optional.empty()));
        RawAnswer raw = rawAnswers.get(path);
        if (raw == null) {
            if (answer instanceof ApiAnswer.Refused refused) {
                throw new RefusedException(refused.problem());
            }
            raw = new RawAnswer(
                    "application/json", Json.compact(answer.bodyOrThrow()).getBytes(StandardCharsets.UTF_8));
        }
        try {
            return reader.read(raw.mediaType(), new ByteArrayInputStream(raw.body()));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable answer of " + path, e);
        }
    }

    private ApiAnswer respond(Request request) {
        requests.add(request);
        if (unreachable) {
            throw new ServerUnreachableException("connection refused", new IOException("connection refused"));
        }
        String key = request.method().equals("GET") ? request.path() : request.method() + " " + request.path();
        ApiAnswer exact = answers.get(key);
        if (exact != null) {
            return exact;
        }
        String withoutQuery = key.contains("?") ? key.substring(0, key.indexOf('?')) : key;
        ApiAnswer byPath = answers.get(withoutQuery);
        if (byPath != null) {
            return byPath;
        }
        return new ApiAnswer.Refused(new ApiProblem(404, "not-found", "Not found", "no fixture for " + key, ""));
    }

    @Override
    public ServerAddress address() {
        return ServerAddress.parse("http://127.0.0.1:9080");
    }
}
