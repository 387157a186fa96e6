package io.edgefleet.desktop.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * {@link FleetClient} over {@link HttpClient}: Basic auth on every request, JSON in and out,
 * problem+json refusals parsed. Every call tells the {@link ConnectionMonitor} whether the server
 * answered, which drives the banner and the retries.
 */
public final class HttpFleetClient implements FleetClient {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final ServerAddress address;
    private final Credentials credentials;
    private final ConnectionMonitor monitor;

    public HttpFleetClient(ServerAddress address, Credentials credentials, ConnectionMonitor monitor) {
        this.http = newHttpClient();
        this.address = address;
        this.credentials = credentials;
        this.monitor = monitor;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ApiAnswer get(String path) {
        return call(request(path).GET());
    }

    /** Asks for gzip too: the topology of 10,000 nodes is 0.8 MB as rows, about 50 KB compressed. */
    @Override
    public <T> T read(String path, String accept, BodyReader<T> reader) {
        HttpRequest request = request(path)
                .setHeader("Accept", accept + ", application/problem+json")
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = decoded(response)) {
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                throw new RefusedException(
                        problem(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            return reader.read(mediaType(response), body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable answer of " + path + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            String reason = reason(e);
            monitor.unreachable(reason);
            throw new ServerUnreachableException("the answer of " + address + " broke off: " + reason, e);
        }
    }

    private static InputStream decoded(HttpResponse<InputStream> response) throws IOException {
        boolean gzip = response.headers()
                .firstValue("Content-Encoding")
                .map(coding -> coding.strip().equalsIgnoreCase("gzip"))
                .orElse(false);
        return gzip ? new GZIPInputStream(response.body(), 64 * 1024) : response.body();
    }

    private static String mediaType(HttpResponse<?> response) {
        String type = response.headers().firstValue("Content-Type").orElse("application/json");
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public ApiAnswer send(
            String method, String path, Optional<JsonNode> body, String contentType, Optional<String> ifMatch) {
        HttpRequest.Builder request = request(path);
        ifMatch.ifPresent(etag -> request.header("If-Match", etag));
        if (body.isPresent()) {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.compact(body.get())));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return call(request);
    }

    @Override
    public ServerAddress address() {
        return address;
    }

    Credentials credentials() {
        return credentials;
    }

    HttpClient http() {
        return http;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(address.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", credentials.basicAuthorization())
                .header("Accept", "application/json, application/problem+json");
    }

    private ApiAnswer call(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request.build(), HttpResponse.BodyHandlers.ofString());
        return answer(response.statusCode(), response.body(), response.headers().firstValue("ETag"));
    }

    /** Sends and tells the connection monitor whether the server answered at all. */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        HttpResponse<T> response;
        try {
            response = http.send(request, handler);
        } catch (IOException e) {
            String reason = reason(e);
            monitor.unreachable(reason);
            throw new ServerUnreachableException("no answer from " + address + ": " + reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted", e);
        }
        monitor.answered();
        return response;
    }

    /** What a person reads of a failed connection (a refused connect has no message of its own). */
    static String reason(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static ApiAnswer answer(int status, String body, Optional<String> etag) {
        if (status >= 200 && status < 300) {
            JsonNode json = body == null || body.isBlank() ? Json.MAPPER.createObjectNode() : Json.parse(body);
            return new ApiAnswer.Ok(status, json, etag);
        }
        return new ApiAnswer.Refused(problem(status, body));
    }

    /** A refusal's problem+json, or what can be said of a refusal that is not (a proxy's HTML page). */
    static ApiProblem problem(int status, String body) {
        try {
            JsonNode json = Json.parse(body);
            if (json.has("code") || json.has("title")) {
                return ApiProblem.of(status, json);
            }
        } catch (IllegalArgumentException notJson) {
            // Liberty answers some refusals (e.g. a proxy's 502) with HTML: shown as text below.
        }
        return ApiProblem.notProblemJson(status, body == null ? "" : body);
    }
}
