package io.edgefleet.edge;

import io.edgefleet.edge.config.ConfigKey;
import io.edgefleet.edge.config.ConfigLoader;
import io.edgefleet.edge.config.EdgeConfig;
import io.edgefleet.edge.device.DevicesCommand;
import io.edgefleet.edge.device.SetCommand;
import io.edgefleet.edge.device.TwinCommand;
import io.edgefleet.edge.status.StatusCommand;
import io.edgefleet.edge.store.Identity;
import io.edgefleet.edge.store.StoreReader;
import io.edgefleet.edge.store.StoreSnapshot;
import io.edgefleet.edge.workload.LogsCommand;
import io.edgefleet.edge.workload.WorkloadsCommand;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The {@code edgefleet-edge} command: {@code run} (the default) starts the daemon and keeps it
 * running until SIGTERM or SIGINT; {@code status} prints the node's state from its store. Thin on
 * purpose: the work is in {@link EdgeDaemon} and {@link StatusCommand}.
 */
public final class EdgeMain {
    /** Environment variable for the log level: trace, debug, info, warn, error or off. */
    public static final String LOG_LEVEL_ENV = ConfigKey.ENV_PREFIX + "LOG_LEVEL";

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    private EdgeMain() {}

    public static void main(String[] args) {
        configureLogging(System.getenv(LOG_LEVEL_ENV));
        int status = execute(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandLine line = CommandLine.parse(args);
            if (line.help()) {
                out.print(help());
                return 0;
            }
            if (line.version()) {
                out.println("edgefleet-edge " + AgentVersion.current());
                return 0;
            }
            EdgeConfig config = ConfigLoader.load(line.config());
            return switch (line.command()) {
                case STATUS -> StatusCommand.run(config.dataDir(), line.json(), out, err, Clock.systemUTC());
                case WORKLOADS -> WorkloadsCommand.run(config.dataDir(), line.json(), out, err);
                case LOGS ->
                    LogsCommand.run(
                            config.dataDir(), line.workload().orElseThrow(), line.lines(), line.stderr(), out, err);
                case DEVICES -> DevicesCommand.run(config.dataDir(), line.json(), out, err);
                case TWIN -> TwinCommand.run(config.dataDir(), line.operands().getFirst(), line.json(), out, err);
                case SET ->
                    SetCommand.run(
                            config.dataDir(),
                            enrolledName(config),
                            line.operands().get(0),
                            line.operands().get(1),
                            line.operands().get(2),
                            out,
                            err,
                            Clock.systemUTC());
                case RUN -> run(config);
            };
        } catch (EdgeException e) {
            err.println("edgefleet-edge: " + e.getMessage());
            err.println("  hint: " + e.hint());
            return e.exitStatus();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(EdgeMain.class).error("EF3032 edge daemon failed: {}", e.toString(), e);
            return EdgeException.EXIT_FAILURE;
        }
    }

    /** The name the node enrolled under (edge changes say {@code by = edge:<node>}), else the setting. */
    private static String enrolledName(EdgeConfig config) {
        return StoreReader.read(config.dataDir())
                .flatMap(StoreSnapshot::identity)
                .map(Identity::node)
                .orElse(config.nodeName());
    }

    /** Runs until the JVM is asked to stop; the shutdown hook gives the daemon {@link #STOP_GRACE}. */
    private static int run(EdgeConfig config) {
        StopSignal stop = new StopSignal();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.request();
                    try {
                        stopped.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "edge-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (EdgeDaemon daemon = EdgeDaemon.start(config, stop)) {
            LoggerFactory.getLogger(EdgeMain.class)
                    .debug("running as node {}", daemon.identity().node());
            stop.await();
            return 0;
        } finally {
            stopped.countDown();
        }
    }

    /** Sets slf4j-simple's level before the first logger exists. */
    static void configureLogging(String level) {
        if (level != null && LEVELS.contains(level.strip().toLowerCase(Locale.ROOT))) {
            System.setProperty(
                    "org.slf4j.simpleLogger.defaultLogLevel", level.strip().toLowerCase(Locale.ROOT));
        }
    }

    static String help() {
        StringBuilder text = new StringBuilder();
        text.append(
                """
                Usage: edgefleet-edge [run|status|workloads|devices] [--config PATH] [--json] [--help] [--version]
                       edgefleet-edge logs WORKLOAD [--lines N] [--stderr] [--config PATH]
                       edgefleet-edge twin DEVICE [--json] [--config PATH]
                       edgefleet-edge set DEVICE PROPERTY VALUE [--config PATH]

                  run       start the edge daemon (default): enroll if needed, connect, stay up until
                            SIGTERM or SIGINT
                  status    print this node's state from its store; works with the cloud and the daemon down
                  workloads list this node's workloads (phase, restarts, last exit, since, pid) from its store
                  logs      print the last lines (--lines, default 50) of a workload's stdout (or --stderr)
                  devices   list this node's devices (protocol, state, last read, error) from its store
                  twin      per property of a device: desired (version, by), pending edge change,
                            reported value, quality, source time, last write error
                  set       record an edge-set desired value (checked against the model); the running
                            daemon writes it to the device within a collect cycle
                  --json    machine-readable status, workloads, devices or twin
                  --config  Java properties file; else $EDGEFLEET_CONFIG, else ./edge.properties if present

                Settings (properties key, environment variable overriding it, default):
                """);
        for (ConfigKey key : ConfigKey.values()) {
            text.append(String.format("  %-26s %-38s %s%n", key.key(), key.envName(), key.defaultText()));
            text.append(String.format("  %-26s %s%n", "", key.description()));
        }
        text.append(
                """

                Logging goes to stderr; EDGEFLEET_LOG_LEVEL=trace|debug|info|warn|error sets the level.
                Exit status: 0 ok, 1 failure, 2 bad command line or settings, 3 no store or not enrolled,
                4 enrollment refused (token invalid, expired or used; node name taken).
                """);
        return text.toString();
    }
}
