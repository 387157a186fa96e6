package io.edgefleet.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.ApiAnswer;
import io.edgefleet.desktop.api.ApiProblem;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.api.ServerAddress;
import io.edgefleet.desktop.api.ServerUnreachableException;
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

    private final Map<String, ApiAnswer> answers = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private boolean unreachable;

    public static JsonNode fixture(String name) {
        try (InputStream in = FakeFleetClient.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
