package io.edgefleet.edge.artifact;

import io.edgefleet.protocol.workload.ArtifactRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's content-addressed artifact cache under {@code <data dir>/artifacts}: verified files in
 * {@code sha256/<hash>} (read-only, executable), downloads in progress in {@code
 * partial/<hash>.part}. A download resumes from the partial file's size with an HTTP Range request;
 * the file moves into {@code sha256/} only after its size and SHA-256 matched, atomically and
 * fsynced, so a file there is always complete. One download per hash runs at a time: other callers
 * for the same hash wait for its outcome.
 */
public final class ArtifactCache implements ArtifactProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ArtifactCache.class);
    private static final String PART_SUFFIX = ".part";
    /** Attempts within one fetch, each resuming where the previous one stopped. */
    private static final int ATTEMPTS = 5;

    private final Path verified;
    private final Path partial;
    private final ArtifactSource source;
    private final Map<String, CompletableFuture<ArtifactFetch>> downloads = new ConcurrentHashMap<>();

    private ArtifactCache(Path verified, Path partial, ArtifactSource source) {
        this.verified = verified;
        this.partial = partial;
        this.source = source;
    }

    /** The cache under {@code <dataDir>/artifacts}, creating its directories. */
    public static ArtifactCache open(Path dataDir, ArtifactSource source) {
        Objects.requireNonNull(source, "source");
        Path root = dataDir.toAbsolutePath().resolve("artifacts");
        Path verified = root.resolve("sha256");
        Path partial = root.resolve("partial");
        try {
            Files.createDirectories(verified);
            Files.createDirectories(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the artifact cache in " + root, e);
        }
        return new ArtifactCache(verified, partial, source);
    }

    @Override
    public boolean cached(ArtifactRef artifact) {
        return Files.isRegularFile(verified.resolve(artifact.sha256()));
    }

    /** Where a verified artifact lives (whether or not it is there). */
    public Path pathOf(ArtifactRef artifact) {
        return verified.resolve(artifact.sha256());
    }

    @Override
    public ArtifactFetch fetch(ArtifactRef artifact) {
        Path file = verified.resolve(artifact.sha256());
        if (Files.isRegularFile(file)) {
            return new ArtifactFetch.Ready(file);
        }
        CompletableFuture<ArtifactFetch> mine = new CompletableFuture<>();
        CompletableFuture<ArtifactFetch> running = downloads.putIfAbsent(artifact.sha256(), mine);
        if (running != null) {
            return running.join();
        }
        ArtifactFetch outcome = new ArtifactFetch.Unavailable("io-error", "the download failed", true);
        try {
            outcome = Files.isRegularFile(file) ? new ArtifactFetch.Ready(file) : download(artifact);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            LOG.warn("EF3601 artifact {} ({}): local file error: {}", artifact.name(), artifact.sha256(), e.toString());
            outcome = new ArtifactFetch.Unavailable("io-error", "local file error: " + e, true);
        } finally {
            // Also when something unexpected escapes: callers waiting for this download must not hang.
            downloads.remove(artifact.sha256(), mine);
            mine.complete(outcome);
        }
        return outcome;
    }

    private ArtifactFetch download(ArtifactRef artifact) throws IOException {
        Path part = partial.resolve(artifact.sha256() + PART_SUFFIX);
        ArtifactFetch.Unavailable lastFailure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            if (have > artifact.sizeBytes()) {
                Files.delete(part);
                have = 0;
            }
            if (have == artifact.sizeBytes() && have > 0) {
                return verifyAndPublish(artifact, part);
            }
            if (!enoughSpace(artifact.sizeBytes() - have)) {
                return new ArtifactFetch.Unavailable(
                        "no-space", "less than " + (artifact.sizeBytes() - have) + " bytes free in " + partial, true);
            }
            ArtifactSource.Transfer transfer = source.open(artifact.sha256(), have);
            switch (transfer) {
                case ArtifactSource.Body body -> {
                    long before = body.start() == 0 ? 0 : have;
                    long after = receive(body, part, artifact.sizeBytes());
                    if (after == artifact.sizeBytes() || after > artifact.sizeBytes()) {
                        return verifyAndPublish(artifact, part);
                    }
                    lastFailure = new ArtifactFetch.Unavailable(
                            "server-unreachable",
                            "the download of " + artifact.name() + " stopped at " + after + " of "
                                    + artifact.sizeBytes() + " bytes",
                            true);
                    if (after <= before) {
                        return lastFailure;
                    }
                    LOG.info(
                            "EF3602 artifact {} ({}): download interrupted at {} of {} bytes, resuming",
                            artifact.name(),
                            artifact.sha256(),
                            after,
                            artifact.sizeBytes());
                }
                case ArtifactSource.RangeNotSatisfiable ignored -> Files.deleteIfExists(part);
                case ArtifactSource.Missing ignored -> {
                    Files.deleteIfExists(part);
                    return new ArtifactFetch.Unavailable(
                            "unknown-artifact", "the server has no artifact " + artifact.sha256(), false);
                }
                case ArtifactSource.Failed failed -> {
                    return new ArtifactFetch.Unavailable(failed.code(), failed.reason(), failed.retryable());
                }
            }
        }
        return lastFailure != null
                ? lastFailure
                : new ArtifactFetch.Unavailable("server-error", "the server never sent " + artifact.name(), true);
    }

    /**
     * Writes the body into the partial file: appended for a ranged answer, from the start when the
     * server sent everything. Returns the partial file's size afterwards, also when the stream broke.
     */
    private static long receive(ArtifactSource.Body body, Path part, long expectedSize) throws IOException {
        StandardOpenOption mode = body.start() == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
        // One byte more than expected is enough to tell that the content is wrong.
        long limit = expectedSize - body.start() + 1;
        try (body;
                OutputStream out =
                        Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[64 * 1024];
            long written = 0;
            while (written < limit) {
                int n = body.stream().read(buffer, 0, (int) Math.min(buffer.length, limit - written));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                written += n;
            }
        } catch (IOException e) {
            // A broken connection: what arrived stays in the partial file for the next attempt.
            LOG.debug("download stream broke: {}", e.toString());
        }
        return Files.size(part);
    }

    private ArtifactFetch verifyAndPublish(ArtifactRef artifact, Path part) throws IOException {
        long size = Files.size(part);
        String actual = sha256(part);
        if (size != artifact.sizeBytes() || !actual.equals(artifact.sha256())) {
            Files.deleteIfExists(part);
            LOG.warn(
                    "EF3603 artifact {}: downloaded {} bytes with SHA-256 {}, expected {} bytes with {}; deleted",
                    artifact.name(),
                    size,
                    actual,
                    artifact.sizeBytes(),
                    artifact.sha256());
            return new ArtifactFetch.Unavailable(
                    "hash-mismatch",
                    "the server sent " + size + " bytes with SHA-256 " + actual + " for " + artifact.sha256(),
                    false);
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        makeReadOnlyExecutable(part);
        Path file = verified.resolve(artifact.sha256());
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(verified);
        LOG.info("EF3600 artifact {} ({}, {} bytes) downloaded and verified", artifact.name(), actual, size);
        return new ArtifactFetch.Ready(file);
    }

    @Override
    public void collect(Set<String> inUse) {
        List<String> freed = new ArrayList<>();
        long bytes = 0;
        for (Path file : list(verified)) {
            String hash = file.getFileName().toString();
            if (!inUse.contains(hash) && !downloads.containsKey(hash)) {
                bytes += delete(file, freed);
            }
        }
        for (Path file : list(partial)) {
            String name = file.getFileName().toString();
            String hash = name.endsWith(PART_SUFFIX) ? name.substring(0, name.length() - PART_SUFFIX.length()) : name;
            if (!inUse.contains(hash) && !downloads.containsKey(hash)) {
                bytes += delete(file, freed);
            }
        }
        if (!freed.isEmpty()) {
            LOG.info("EF3604 artifact cache: freed {} bytes in {} files: {}", bytes, freed.size(), freed);
        }
    }

    private static long delete(Path file, List<String> freed) {
        try {
            long size = Files.size(file);
            file.toFile().setWritable(true, true);
            Files.deleteIfExists(file);
            freed.add(file.getParent().getFileName() + "/" + file.getFileName());
            return size;
        } catch (IOException e) {
            LOG.warn("EF3605 artifact cache: cannot delete {}: {}", file, e.toString());
            return 0;
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            LOG.warn("EF3605 artifact cache: cannot list {}: {}", dir, e.toString());
            return List.of();
        }
    }

    private boolean enoughSpace(long needed) throws IOException {
        FileStore store = Files.getFileStore(partial);
        return store.getUsableSpace() > needed;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void makeReadOnlyExecutable(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r-x------"));
        } else {
            file.toFile().setExecutable(true, true);
            file.toFile().setReadOnly();
        }
    }

    /** Makes the rename durable (Linux); Windows cannot open directories and needs no such step. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }
}
