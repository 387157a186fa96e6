package io.edgefleet.edge.artifact;

import io.edgefleet.edge.store.Identity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads from the EdgeFleet server with the node's own credentials (HTTP Basic, the MQTT user
 * name {@code node@tenant} and password from enrollment), which the server accepts for artifact
 * reads only. Uses {@link HttpURLConnection}: the JDK's HttpClient costs about 10 MB of RSS.
 */
public final class HttpArtifactSource implements ArtifactSource {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final URI serverUrl;
    private final Supplier<Optional<Identity>> identity;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param serverUrl the server's REST base, e.g. {@code http://fleet:9080}
     * @param identity the node's identity, read when a download starts (empty before enrollment)
     */
    public HttpArtifactSource(
            URI serverUrl, Supplier<Optional<Identity>> identity, Duration connectTimeout, Duration readTimeout) {
        this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    public static HttpArtifactSource of(URI serverUrl, Supplier<Optional<Identity>> identity) {
        return new HttpArtifactSource(serverUrl, identity, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Override
    public Transfer open(String sha256, long offset) {
        Optional<Identity> node = identity.get();
        if (node.isEmpty()) {
            return new Failed("not-enrolled", "the node has no credentials yet", true);
        }
        URI uri = contentUri(sha256);
        HttpURLConnection connection;
        int status;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setUseCaches(false);
            connection.setRequestProperty("Accept", "application/octet-stream, application/problem+json");
            connection.setRequestProperty("Authorization", basic(node.get()));
            if (offset > 0) {
                connection.setRequestProperty("Range", "bytes=" + offset + "-");
                // Content-addressed: the ETag never changes, but say what the range belongs to.
                connection.setRequestProperty("If-Range", "\"" + sha256 + "\"");
            }
            status = connection.getResponseCode();
        } catch (IOException | IllegalArgumentException e) {
            return new Failed("server-unreachable", uri + ": " + e, true);
        }
        return answer(connection, status, offset, uri);
    }

    private static Transfer answer(HttpURLConnection connection, int status, long offset, URI uri) {
        try {
            if (status == HttpURLConnection.HTTP_OK) {
                return new Body(0, connection.getInputStream());
            }
            if (status == HttpURLConnection.HTTP_PARTIAL) {
                Matcher range = CONTENT_RANGE.matcher(
                        Objects.requireNonNullElse(connection.getHeaderField("Content-Range"), ""));
                if (!range.matches() || Long.parseLong(range.group(1)) != offset) {
                    connection.disconnect();
                    return new Failed("bad-range", uri + " answered 206 without the range asked for", true);
                }
                return new Body(offset, connection.getInputStream());
            }
            discard(connection);
            return switch (status) {
                case HttpURLConnection.HTTP_NOT_FOUND -> new Missing();
                case 416 -> new RangeNotSatisfiable();
                case HttpURLConnection.HTTP_UNAUTHORIZED, HttpURLConnection.HTTP_FORBIDDEN ->
                    new Failed("server-refused", uri + " refused the node's credentials (" + status + ")", true);
                default -> new Failed("server-error", uri + " answered " + status, true);
            };
        } catch (IOException e) {
            return new Failed("server-unreachable", uri + ": " + e, true);
        }
    }

    private URI contentUri(String sha256) {
        String base = serverUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "api/v1/artifacts/" + sha256 + "/content");
    }

    private static String basic(Identity identity) {
        String pair = identity.username() + ":" + identity.password().reveal();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads and closes an error body, so the connection can be reused. */
    private static void discard(HttpURLConnection connection) {
        try (InputStream error = connection.getErrorStream()) {
            if (error != null) {
                error.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            connection.disconnect();
        }
    }
}
