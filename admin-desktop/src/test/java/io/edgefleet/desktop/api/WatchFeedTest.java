package io.edgefleet.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch feed against a local SSE server that drops the stream: it resumes with Last-Event-ID. */
class WatchFeedTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ConnectionMonitor monitor = new ConnectionMonitor(
            Runnable::run, scheduler, new Backoff(Duration.ofMillis(20), Duration.ofMillis(50)), Clock.systemUTC());
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger resyncs = new AtomicInteger();
    private HttpServer server;
    private WatchFeed feed;

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        server.stop(0);
        scheduler.shutdownNow();
    }

    private void serve(boolean goneFirst) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/watch/nodes", exchange -> {
            int n = connections.incrementAndGet();
            requests.add(exchange.getRequestURI() + " last-event-id="
                    + exchange.getRequestHeaders().getFirst("Last-Event-ID"));
            if (goneFirst && n == 1) {
                HttpFleetClientTest.respond(
                        exchange, 410, "application/problem+json", "{\"code\":\"resource-version-too-old\"}");
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                String events = n <= (goneFirst ? 2 : 1)
                        ? ": keep-alive\n\nid: 11\nevent: ADDED\ndata: {\"n\":1}\n\nid: 12\nevent: MODIFIED\ndata: {\"n\":2}\n\n"
                        : "id: 13\nevent: DELETED\ndata: {\"n\":3}\n\n";
                out.write(events.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (n > (goneFirst ? 2 : 1)) {
                    sleep(5_000); // stays open: the third event is the last
                }
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private WatchFeed start(Optional<Long> from) {
        FleetClient client = new HttpFleetClient(
                ServerAddress.parse("http://127.0.0.1:" + server.getAddress().getPort()),
                new Credentials("admin", "pw"),
                monitor);
        WatchFeed.Listener listener = new WatchFeed.Listener() {
            @Override
            public void event(SseEvent event) {
                received.add(event.id().orElse("-") + " " + event.event() + " " + event.data());
            }

            @Override
            public void connected(boolean open) {
                // not asserted here
            }

            @Override
            public long resync() {
                resyncs.incrementAndGet();
                return 10;
            }
        };
        return new WatchFeed(client, new Credentials("admin", "pw"), "nodes", from, listener, monitor, scheduler)
                .start();
    }

    @Test
    void aBrokenStreamResumesAfterTheLastEventIdSoNothingIsLost() throws Exception {
        serve(false);
        feed = start(Optional.of(10L));
        await(() -> received.size() == 3);
        assertThat(received).containsExactly("11 ADDED {\"n\":1}", "12 MODIFIED {\"n\":2}", "13 DELETED {\"n\":3}");
        assertThat(requests.get(0)).isEqualTo("/api/v1/watch/nodes?resourceVersion=10 last-event-id=null");
        assertThat(requests.get(1)).isEqualTo("/api/v1/watch/nodes last-event-id=12");
    }

    @Test
    void aResumePointTooOldListsAgainAndWatchesFromThere() throws Exception {
        serve(true);
        feed = start(Optional.of(1L));
        await(() -> received.size() >= 2);
        assertThat(resyncs.get()).isEqualTo(1);
        assertThat(requests.get(1)).isEqualTo("/api/v1/watch/nodes?resourceVersion=10 last-event-id=null");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
