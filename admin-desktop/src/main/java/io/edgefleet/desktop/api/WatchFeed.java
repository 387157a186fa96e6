package io.edgefleet.desktop.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One watch stream ({@code GET /api/v1/watch/{kind}}) kept open on a thread of its own: every event
 * goes to the {@link Listener}; when the stream breaks it reconnects after {@link Backoff} and resumes
 * with {@code Last-Event-ID}, so no change is lost; when the server answers 410 (the id is older than
 * its change log) the listener lists again and the feed continues from that list's version. A stream
 * silent for longer than {@link #SILENCE_LIMIT} (the server sends a comment every 15 s) counts as broken.
 */
public final class WatchFeed implements AutoCloseable {
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(40);

    /** What the feed tells its owner; called on the feed's own thread. */
    public interface Listener {
        void event(SseEvent event);

        /** The stream is open ({@code true}) or broken and being retried ({@code false}). */
        void connected(boolean open);

        /** The resume point is gone: list again and return the list's resourceVersion. */
        long resync();
    }

    private final HttpClient http = HttpFleetClient.newHttpClient();
    private final ServerAddress address;
    private final Credentials credentials;
    private final String kind;
    private final Listener listener;
    private final Backoff backoff;
    private final ConnectionMonitor monitor;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong lastLineNanos = new AtomicLong(System.nanoTime());
    private volatile Optional<String> lastEventId = Optional.empty();
    private volatile Optional<Long> startVersion;
    private volatile boolean closed;
    private volatile InputStream current;
    private Thread thread;

    public WatchFeed(
            FleetClient client,
            Credentials credentials,
            String kind,
            Optional<Long> fromVersion,
            Listener listener,
            ConnectionMonitor monitor,
            ScheduledExecutorService scheduler) {
        this.address = client.address();
        this.credentials = credentials;
        this.kind = kind;
        this.startVersion = fromVersion;
        this.listener = listener;
        this.backoff = Backoff.standard();
        this.monitor = monitor;
        this.scheduler = scheduler;
    }

    public synchronized WatchFeed start() {
        if (thread == null) {
            thread = Thread.ofVirtual().name("watch-" + kind).start(this::run);
        }
        return this;
    }

    /** The id of the last event received: where a reconnect resumes. */
    public Optional<String> lastEventId() {
        return lastEventId;
    }

    private void run() {
        ScheduledFuture<?> watchdog = scheduler.scheduleAtFixedRate(this::checkSilence, 5, 5, TimeUnit.SECONDS);
        try {
            while (!closed) {
                boolean gotEvents = readOnce();
                if (closed) {
                    break;
                }
                listener.connected(false);
                if (gotEvents) {
                    backoff.reset();
                }
                sleep(backoff.nextDelay());
            }
        } finally {
            watchdog.cancel(false);
        }
    }

    /** One connection: true when it delivered anything before it ended. */
    private boolean readOnce() {
        HttpRequest.Builder request = HttpRequest.newBuilder(address.resolve(path()))
                .timeout(HttpFleetClient.REQUEST_TIMEOUT)
                .header("Authorization", credentials.basicAuthorization())
                .header("Accept", "text/event-stream")
                .GET();
        lastEventId.ifPresent(id -> request.header("Last-Event-ID", id));
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            monitor.unreachable(HttpFleetClient.reason(e));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        monitor.answered();
        if (response.statusCode() == 410) {
            close(response.body());
            lastEventId = Optional.empty();
            startVersion = Optional.of(listener.resync());
            return true;
        }
        if (response.statusCode() != 200) {
            close(response.body());
            return false;
        }
        boolean delivered = false;
        current = response.body();
        lastLineNanos.set(System.nanoTime());
        listener.connected(true);
        SseParser parser = new SseParser(event -> {
            event.id().ifPresent(id -> lastEventId = Optional.of(id));
            listener.event(event);
        });
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(current, StandardCharsets.UTF_8))) {
            String line;
            while (!closed && (line = reader.readLine()) != null) {
                lastLineNanos.set(System.nanoTime());
                parser.line(line);
                delivered = true;
            }
        } catch (IOException broken) {
            // The server went away mid-stream: reconnect below with Last-Event-ID.
        } finally {
            current = null;
        }
        return delivered;
    }

    private String path() {
        String base = "/api/v1/watch/" + kind;
        if (lastEventId.isEmpty() && startVersion.isPresent()) {
            return base + "?resourceVersion=" + startVersion.get();
        }
        return base;
    }

    private void checkSilence() {
        if (System.nanoTime() - lastLineNanos.get() > SILENCE_LIMIT.toNanos()) {
            close(current);
        }
    }

    /** Closes a stream that may be null (none open) or broken already. */
    private static void close(InputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException ignored) {
            // Closing a broken stream: nothing more to do.
        }
    }

    private void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        close(current);
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
        }
    }
}
