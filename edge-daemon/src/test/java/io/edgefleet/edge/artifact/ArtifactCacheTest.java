package io.edgefleet.edge.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgefleet.edge.config.Secret;
import io.edgefleet.edge.store.Identity;
import io.edgefleet.protocol.workload.ArtifactRef;
import io.edgefleet.testsupport.Ports;
import io.edgefleet.testsupport.Wait;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache against a local HTTP server that plays the server's documented contract for {@code GET
 * /api/v1/artifacts/{sha256}/content}: Basic credentials, {@code Range: bytes=N-} answered with 206
 * and Content-Range, 404 for unknown hashes; and servers that misbehave (drop the connection
 * mid-body, ignore Range, send wrong bytes).
 */
class ArtifactCacheTest {
    private static final Identity NODE = new Identity(
            "default",
            "edge-1",
            "tcp://127.0.0.1:1",
            "edge-1@default",
            new Secret("node-secret-password"),
            10,
            Instant.parse("2025-01-01T00:00:00Z"));

    @TempDir
    Path dataDir;

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour;
    private final byte[] content = randomBytes(300_000, 1);
    private final ArtifactRef ref = new ArtifactRef("tool", sha256(content), content.length);

    private record Request(String path, Optional<String> range, Optional<String> authorization) {}

    @FunctionalInterface
    private interface Behaviour {
        void answer(HttpExchange exchange, int requestNumber) throws IOException;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requests.add(new Request(
                    exchange.getRequestURI().getPath(),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Range")),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
            try (exchange) {
                behaviour.answer(exchange, requests.size());
            }
        });
        server.start();
        behaviour = contract(content);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadsOnceVerifiesAndKeepsAReadOnlyExecutableFile() throws IOException {
        ArtifactCache cache = cache();

        ArtifactFetch first = cache.fetch(ref);
        ArtifactFetch second = cache.fetch(ref);

        assertThat(first).isInstanceOf(ArtifactFetch.Ready.class);
        Path file = ((ArtifactFetch.Ready) first).file();
        assertThat(file).isEqualTo(dataDir.resolve("artifacts/sha256/" + ref.sha256()));
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(second).isEqualTo(first);
        assertThat(cache.cached(ref)).isTrue();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).path()).isEqualTo("/api/v1/artifacts/" + ref.sha256() + "/content");
        assertThat(requests.get(0).range()).isEmpty();
        assertThat(requests.get(0).authorization())
                .contains("Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        "edge-1@default:node-secret-password".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("r-x------"));
        assertThat(Files.list(dataDir.resolve("artifacts/partial"))).isEmpty();
    }

    @Test
    void connectionDroppedMidBodyIsResumedWithARangeRequest() throws IOException {
        behaviour = (exchange, n) -> {
            if (n == 1) {
                dropAfter(exchange, content, 100_000);
            } else {
                contract(content).answer(exchange, n);
            }
        };

        ArtifactFetch fetch = cache().fetch(ref);

        assertThat(fetch).isInstanceOf(ArtifactFetch.Ready.class);
        assertThat(Files.readAllBytes(((ArtifactFetch.Ready) fetch).file())).isEqualTo(content);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).range())
                .hasValueSatisfying(range -> assertThat(range).matches("bytes=\\d+-"));
        long resumedAt = Long.parseLong(requests.get(1).range().orElseThrow().replaceAll("\\D", ""));
        assertThat(resumedAt).isPositive().isLessThanOrEqualTo(100_000);
    }

    @Test
    void partialFileLeftByAnEarlierRunIsResumed() throws IOException {
        behaviour = (exchange, n) -> {
            if (n == 1) {
                dropAfter(exchange, content, 120_000);
            } else {
                exchange.sendResponseHeaders(503, -1);
            }
        };
        ArtifactCache cache = cache();
        ArtifactFetch interrupted = cache.fetch(ref);
        Path part = dataDir.resolve("artifacts/partial/" + ref.sha256() + ".part");
        long kept = Files.size(part);
        behaviour = contract(content);

        ArtifactFetch resumed = cache().fetch(ref);

        assertThat(interrupted).isInstanceOfSatisfying(ArtifactFetch.Unavailable.class, u -> assertThat(u.retryable())
                .isTrue());
        assertThat(kept).isPositive();
        assertThat(resumed).isInstanceOf(ArtifactFetch.Ready.class);
        assertThat(Files.readAllBytes(((ArtifactFetch.Ready) resumed).file())).isEqualTo(content);
        assertThat(requests.get(requests.size() - 1).range()).contains("bytes=" + kept + "-");
        assertThat(part).doesNotExist();
    }

    @Test
    void serverIgnoringRangeMakesTheDownloadStartOver() throws IOException {
        Path part = dataDir.resolve("artifacts/partial/" + ref.sha256() + ".part");
        Files.createDirectories(part.getParent());
        Files.write(part, "garbage from an older attempt".getBytes(StandardCharsets.UTF_8));
        behaviour = (exchange, n) -> {
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
        };

        ArtifactFetch fetch = cache().fetch(ref);

        assertThat(requests.get(0).range()).isPresent();
        assertThat(fetch).isInstanceOf(ArtifactFetch.Ready.class);
        assertThat(Files.readAllBytes(((ArtifactFetch.Ready) fetch).file())).isEqualTo(content);
    }

    @Test
    void wrongBytesAreRejectedAndNotKept() throws IOException {
        behaviour = contract(randomBytes(content.length, 2));

        ArtifactFetch fetch = cache().fetch(ref);

        assertThat(fetch).isInstanceOfSatisfying(ArtifactFetch.Unavailable.class, u -> {
            assertThat(u.code()).isEqualTo("hash-mismatch");
            assertThat(u.retryable()).isFalse();
        });
        assertThat(Files.list(dataDir.resolve("artifacts/partial"))).isEmpty();
        assertThat(Files.list(dataDir.resolve("artifacts/sha256"))).isEmpty();
    }

    @Test
    void tooManyBytesAreRejected() {
        byte[] longer = Arrays.copyOf(content, content.length + 10);
        behaviour = contract(longer);

        ArtifactFetch fetch = cache().fetch(ref);

        assertThat(fetch).isInstanceOfSatisfying(ArtifactFetch.Unavailable.class, u -> assertThat(u.code())
                .isEqualTo("hash-mismatch"));
    }

    @Test
    void unknownArtifactIsNotRetryable() {
        behaviour = (exchange, n) -> exchange.sendResponseHeaders(404, -1);

        ArtifactFetch fetch = cache().fetch(ref);

        assertThat(fetch)
                .isEqualTo(new ArtifactFetch.Unavailable(
                        "unknown-artifact", "the server has no artifact " + ref.sha256(), false));
    }

    @Test
    void unreachableServerIsRetryable() {
        ArtifactCache cache = ArtifactCache.open(
                dataDir,
                HttpArtifactSource.of(URI.create("http://127.0.0.1:" + Ports.free()), () -> Optional.of(NODE)));

        ArtifactFetch fetch = cache.fetch(ref);

        assertThat(fetch).isInstanceOfSatisfying(ArtifactFetch.Unavailable.class, u -> {
            assertThat(u.code()).isEqualTo("server-unreachable");
            assertThat(u.retryable()).isTrue();
        });
    }

    @Test
    void nodeWithoutIdentityCannotDownloadYet() {
        ArtifactCache cache =
                ArtifactCache.open(dataDir, HttpArtifactSource.of(URI.create("http://127.0.0.1:1"), Optional::empty));

        assertThat(cache.fetch(ref)).isInstanceOfSatisfying(ArtifactFetch.Unavailable.class, u -> assertThat(u.code())
                .isEqualTo("not-enrolled"));
    }

    @Test
    void concurrentCallersShareOneDownload() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        behaviour = (exchange, n) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            contract(content).answer(exchange, n);
        };
        ArtifactCache cache = cache();
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try {
            List<Future<ArtifactFetch>> fetches = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                fetches.add(callers.submit(() -> cache.fetch(ref)));
            }
            Wait.until("the first request reaches the server", Duration.ofSeconds(20), () -> !requests.isEmpty());
            release.countDown();

            for (Future<ArtifactFetch> fetch : fetches) {
                assertThat(fetch.get(60, TimeUnit.SECONDS)).isInstanceOf(ArtifactFetch.Ready.class);
            }
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
        assertThat(requests).hasSize(1);
    }

    @Test
    void collectKeepsWhatIsInUseAndDeletesTheRest() throws IOException {
        byte[] other = randomBytes(5_000, 3);
        ArtifactRef otherRef = new ArtifactRef("other", sha256(other), other.length);
        AtomicInteger served = new AtomicInteger();
        behaviour = (exchange, n) -> {
            byte[] body = exchange.getRequestURI().getPath().contains(otherRef.sha256()) ? other : content;
            served.incrementAndGet();
            contract(body).answer(exchange, n);
        };
        ArtifactCache cache = cache();
        cache.fetch(ref);
        cache.fetch(otherRef);
        Path strayPart = dataDir.resolve("artifacts/partial/" + "a".repeat(64) + ".part");
        Files.write(strayPart, new byte[10]);

        cache.collect(Set.of(ref.sha256()));

        assertThat(served).hasValue(2);
        assertThat(cache.cached(ref)).isTrue();
        assertThat(cache.cached(otherRef)).isFalse();
        assertThat(strayPart).doesNotExist();
        assertThat(cache.pathOf(otherRef)).doesNotExist();
    }

    // --- the server's contract and its failures -------------------------------------------------

    private ArtifactCache cache() {
        return ArtifactCache.open(
                dataDir,
                new HttpArtifactSource(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                        () -> Optional.of(NODE),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(20)));
    }

    /** The documented answer: 200 with everything, or 206 from the Range start. */
    private static Behaviour contract(byte[] body) {
        return (exchange, n) -> {
            String range = exchange.getRequestHeaders().getFirst("Range");
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            if (range == null) {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            int start = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            if (start >= body.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            exchange.getResponseHeaders()
                    .set("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
            exchange.sendResponseHeaders(206, body.length - start);
            exchange.getResponseBody().write(body, start, body.length - start);
        };
    }

    /** Announces the whole body, sends {@code bytes} of it and closes the connection. */
    private static void dropAfter(HttpExchange exchange, byte[] body, int bytes) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body, 0, bytes);
        exchange.getResponseBody().flush();
        // Closing the exchange with bytes missing makes the server close the connection.
        throw new IOException("simulated connection drop");
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
