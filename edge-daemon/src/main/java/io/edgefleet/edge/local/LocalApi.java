package io.edgefleet.edge.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.device.DevicesCommand;
import io.edgefleet.edge.device.TwinCommand;
import io.edgefleet.edge.link.CommandOutcome;
import io.edgefleet.edge.status.StatusCommand;
import io.edgefleet.edge.workload.RemoteLogs;
import io.edgefleet.edge.workload.WorkloadsCommand;
import io.edgefleet.protocol.Envelope;
import io.edgefleet.protocol.LogStream;
import io.edgefleet.protocol.LogsRequest;
import io.edgefleet.protocol.Names;
import io.edgefleet.protocol.ProtocolCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only JSON on {@code http://127.0.0.1:<local-api-port>/v1/}, answered from the store by the same code
 * as the command line ({@code --json}), so both always say the same:
 *
 * <pre>
 * GET /v1/status                          what status --json prints
 * GET /v1/workloads                       workloads --json
 * GET /v1/workloads/{name}/logs?lines=&stream=stdout|stderr   the log's last lines (as the server's logs command)
 * GET /v1/devices                         devices --json
 * GET /v1/devices/{name}/twin             twin DEVICE --json
 * </pre>
 *
 * Bound to the loopback address only, with no authentication: anyone logged in on the PC may read what the
 * command line shows them. Errors are {@code {"error": "..."}} with 400, 404, 405 or 503. One thread serves.
 */
public final class LocalApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalApi.class);
    private static final ObjectMapper JSON = ProtocolCodec.newMapper(ProtocolCodec.DEFAULT_MAX_MESSAGE_BYTES);
    private static final Pattern LOGS = Pattern.compile("/v1/workloads/([^/]+)/logs");
    private static final Pattern TWIN = Pattern.compile("/v1/devices/([^/]+)/twin");

    private final Path dataDir;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService thread;

    private LocalApi(Path dataDir, Clock clock, HttpServer server, ExecutorService thread) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.server = server;
        this.thread = thread;
    }

    /**
     * Serves the store in {@code dataDir} on 127.0.0.1:{@code port} (0: any free port).
     *
     * @throws EdgeException when the port cannot be bound (taken, or not allowed)
     */
    public static LocalApi start(Path dataDir, int port, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw EdgeException.config(
                    "the local API cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(),
                    "choose a free port for local-api-port, or leave it unset to turn the local API off",
                    e);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "edge-local-api");
            t.setDaemon(true);
            return t;
        });
        LocalApi api = new LocalApi(dataDir, clock, server, thread);
        server.createContext("/", api::serve);
        server.setExecutor(thread);
        server.start();
        LOG.info("EF3060 local API on http://127.0.0.1:{}/v1/", api.port());
        return api;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET");
                send(exchange, 405, error("only GET: the local API is read-only"));
                return;
            }
            Answer answer = answer(exchange.getRequestURI());
            send(exchange, answer.status(), answer.json());
        } catch (RuntimeException e) {
            LOG.warn(
                    "EF3061 local API request {} failed: {}",
                    exchange.getRequestURI().getPath(),
                    e.toString());
            send(exchange, 500, error("the request failed: " + e.getClass().getSimpleName()));
        }
    }

    private record Answer(int status, String json) {}

    private Answer answer(URI uri) {
        String path = uri.getPath();
        switch (path) {
            case "/v1/status":
                return command((out, err) -> StatusCommand.run(dataDir, true, out, err, clock));
            case "/v1/workloads":
                return command((out, err) -> WorkloadsCommand.run(dataDir, true, out, err));
            case "/v1/devices":
                return command((out, err) -> DevicesCommand.run(dataDir, true, out, err));
            default:
                break;
        }
        Matcher twin = TWIN.matcher(path);
        if (twin.matches() && Names.isValid(twin.group(1))) {
            return command((out, err) -> TwinCommand.run(dataDir, twin.group(1), true, out, err));
        }
        Matcher logs = LOGS.matcher(path);
        if (logs.matches() && Names.isValid(logs.group(1))) {
            return logs(logs.group(1), query(uri));
        }
        return new Answer(
                404, error("no such resource: try /v1/status, /v1/workloads, /v1/devices, /v1/devices/NAME/twin"));
    }

    private Answer logs(String workload, Map<String, String> query) {
        LogStream stream;
        int lines;
        try {
            stream = LogStream.ofQuery(query.get("stream"));
            lines = LogsRequest.linesOfQuery(query.get("lines"));
        } catch (IllegalArgumentException e) {
            return new Answer(400, error(e.getMessage()));
        }
        CommandOutcome.Reply reply = (CommandOutcome.Reply) new RemoteLogs(dataDir)
                .handle(Envelope.of("local", clock.instant(), new LogsRequest(workload, stream, lines)));
        return new Answer(reply.status(), write(reply.body()));
    }

    @FunctionalInterface
    private interface Command {
        int run(PrintStream out, PrintStream err);
    }

    /** Runs a command's JSON form and turns its exit status into an HTTP status. */
    private static Answer command(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = command.run(o, e);
        }
        if (exit == 0) {
            return new Answer(200, out.toString(StandardCharsets.UTF_8));
        }
        String message = err.toString(StandardCharsets.UTF_8).strip().replaceFirst("^edgefleet-edge: ", "");
        int status = exit == EdgeException.EXIT_USAGE ? 404 : 503;
        return new Answer(status, error(message));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(
                        java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static String error(String message) {
        return write(Map.of("error", message));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
