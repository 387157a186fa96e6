package io.edgefleet.server.artifact;

import io.edgefleet.protocol.Names;
import io.edgefleet.protocol.workload.ArtifactRef;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.resource.PageLimit;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The artifact resource: streamed upload in chunks (SHA-256 computed on the way, size limit, optional
 * expected hash), metadata, ranged reads and deletion. Holds no transaction itself: each chunk is
 * one short transaction in {@link ArtifactStore}, publishing another (docs/decisions/0003).
 */
@ApplicationScoped
public class Artifacts {
    /** Bytes per chunk row. */
    public static final int CHUNK_BYTES = 1024 * 1024;
    /** An unpublished upload nobody wrote to for this long is deleted at the next upload. */
    static final Duration STALE_UPLOAD = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(Artifacts.class);

    @Inject
    ArtifactStore store;

    @Inject
    ArtifactMetrics metrics;

    @Inject
    Tenants tenants;

    @Inject
    ArtifactSettings settings;

    public ArtifactSettings settings() {
        return settings;
    }

    public ArtifactMetrics metrics() {
        return metrics;
    }

    /**
     * Reads {@code body} to its end in chunks and publishes it as an artifact. Over the size limit
     * (declared or counted) it is 413, with an expected hash that differs 422; in both cases, and
     * when the body breaks off, nothing is kept.
     */
    public UploadOutcome upload(
            TenantRef tenant,
            String createdBy,
            String name,
            InputStream body,
            Optional<String> expectedSha256,
            OptionalLong declaredLength) {
        if (!Names.isValid(name)) {
            throw new FleetException(ProblemCode.INVALID_NAME, "artifact name '" + name + "' is not valid");
        }
        if (expectedSha256.isPresent() && !ArtifactRef.isSha256(expectedSha256.get())) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "an expected sha256 is 64 lower-case hex digits");
        }
        if (declaredLength.isPresent() && declaredLength.getAsLong() > settings.maxBytes()) {
            metrics.upload("refused", 0);
            throw tooLarge();
        }
        cleanStaleUploads();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long uploadId = store.beginUpload(tenant, CHUNK_BYTES, now);
        boolean published = false;
        long total = 0;
        try {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[CHUNK_BYTES];
            for (int seq = 0; ; seq++) {
                int n = readChunk(body, buffer);
                if (n == 0) {
                    break;
                }
                total += n;
                if (total > settings.maxBytes()) {
                    metrics.upload("refused", total);
                    throw tooLarge();
                }
                digest.update(buffer, 0, n);
                store.stageChunk(uploadId, seq, n == CHUNK_BYTES ? buffer : Arrays.copyOf(buffer, n), Instant.now());
                if (n < CHUNK_BYTES) {
                    break;
                }
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            if (expectedSha256.isPresent() && !expectedSha256.get().equals(sha256)) {
                metrics.upload("refused", total);
                throw new FleetException(
                        ProblemCode.DIGEST_MISMATCH,
                        "the body has SHA-256 " + sha256 + ", the request expected " + expectedSha256.get());
            }
            UploadOutcome outcome = store.publish(tenant, uploadId, new Artifact(name, sha256, total, now, createdBy));
            published = true;
            metrics.upload(outcome instanceof UploadOutcome.Created ? "created" : "existing", total);
            if (outcome instanceof UploadOutcome.Created) {
                LOG.info("EF1150 artifact {} ({}, {} bytes) uploaded by {}", name, sha256, total, createdBy);
            }
            return outcome;
        } finally {
            if (!published) {
                discardQuietly(uploadId);
            }
        }
    }

    public Artifact get(TenantRef tenant, String sha256) {
        return stored(tenant, sha256).artifact();
    }

    public StoredArtifact stored(TenantRef tenant, String sha256) {
        if (!ArtifactRef.isSha256(sha256)) {
            throw FleetException.notFound("artifact " + sha256);
        }
        return store.find(tenant, sha256).orElseThrow(() -> FleetException.notFound("artifact " + sha256));
    }

    public ArtifactList list(TenantRef tenant, int limit, Optional<String> continueToken) {
        Optional<String> after = ArtifactContinueToken.parse(continueToken);
        return store.list(tenant, PageLimit.of(Optional.of(limit)), after, tenants.currentVersion(tenant));
    }

    public void delete(TenantRef tenant, String sha256, String by) {
        if (!ArtifactRef.isSha256(sha256)) {
            throw FleetException.notFound("artifact " + sha256);
        }
        switch (store.delete(tenant, sha256)) {
            case ArtifactStore.Deletion.Deleted deleted -> LOG.info("EF1151 artifact {} deleted by {}", sha256, by);
            case ArtifactStore.Deletion.NotFound missing -> throw FleetException.notFound("artifact " + sha256);
            case ArtifactStore.Deletion.InUse inUse ->
                throw new FleetException(
                        ProblemCode.ARTIFACT_IN_USE,
                        "artifact " + sha256 + " is run by " + inUse.workloads()
                                + " workload(s); change or delete them first");
        }
    }

    /**
     * Writes bytes {@code range} of the artifact to {@code out}, one chunk (one short transaction)
     * at a time. Fails with an IOException when the artifact is deleted while it is being sent.
     */
    public void copy(StoredArtifact stored, ByteRange range, OutputStream out) throws IOException {
        long chunk = stored.chunkBytes();
        long sent = 0;
        try {
            for (long seq = range.first() / chunk; seq <= range.last() / chunk; seq++) {
                byte[] data = store.chunk(stored.uploadId(), Math.toIntExact(seq))
                        .orElseThrow(() -> new IOException(
                                "artifact " + stored.artifact().sha256() + " was deleted while it was sent"));
                long chunkStart = seq * chunk;
                int from = (int) Math.max(0, range.first() - chunkStart);
                int to = (int) Math.min(data.length, range.last() - chunkStart + 1);
                out.write(data, from, to - from);
                sent += to - from;
            }
            out.flush();
        } finally {
            metrics.bytes("out", sent);
        }
    }

    /** Unpublished uploads left by crashed members or broken connections; best effort. */
    private void cleanStaleUploads() {
        try {
            for (long id : store.staleUploads(Instant.now().minus(STALE_UPLOAD))) {
                store.discard(id);
                LOG.info("EF1152 stale artifact upload {} deleted", id);
            }
        } catch (RuntimeException e) {
            LOG.warn("EF1153 cannot clean stale artifact uploads: {}", e.toString());
        }
    }

    private void discardQuietly(long uploadId) {
        try {
            store.discard(uploadId);
        } catch (RuntimeException e) {
            LOG.warn("EF1153 cannot delete refused upload {} now, the next upload retries: {}", uploadId, e.toString());
        }
    }

    /** Fills the buffer from the stream; fewer bytes only at the end of the stream. */
    private static int readChunk(InputStream body, byte[] buffer) {
        try {
            return body.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "the upload broke off: " + e.getMessage(), e);
        }
    }

    private FleetException tooLarge() {
        return new FleetException(
                ProblemCode.ARTIFACT_TOO_LARGE,
                "an artifact has at most " + settings.maxBytes() / (1024 * 1024) + " MiB (FLEET_ARTIFACT_MAX_MB)");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
