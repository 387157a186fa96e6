package io.edgefleet.edge.artifact;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the cache downloads from: the server's {@code GET /api/v1/artifacts/{sha256}/content}, as
 * {@link HttpArtifactSource} speaks it. An interface so that the cache's rules (resume, verify,
 * one download per hash) do not depend on HTTP details.
 */
public interface ArtifactSource {

    /** Asks for the content of {@code sha256} from byte {@code offset} on (0 = everything). */
    Transfer open(String sha256, long offset);

    /** What the server answered. */
    sealed interface Transfer {}

    /**
     * Content to read. {@code start} is where it begins in the artifact: the requested offset for
     * a ranged answer (206), 0 when the server sent everything (200).
     */
    record Body(long start, InputStream stream) implements Transfer, Closeable {
        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** The server does not know the artifact (404). */
    record Missing() implements Transfer {}

    /** The requested offset lies at or beyond the end (416): the partial file is useless. */
    record RangeNotSatisfiable() implements Transfer {}

    /** No content now: unreachable server, refused credentials, server error. */
    record Failed(String code, String reason, boolean retryable) implements Transfer {}
}
