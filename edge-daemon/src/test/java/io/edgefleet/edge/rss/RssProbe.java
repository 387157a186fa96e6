package io.edgefleet.edge.rss;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.edge.testing.FakeServer;
import io.edgefleet.edge.testing.TestStores;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import io.edgefleet.testsupport.MosquittoProcess;
import io.edgefleet.testsupport.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A quick stand-in for the RSS part of {@code ./fleet bench workloads} (a minute instead of the
 * Liberty server and 100 deploys): the daemon through its real launcher enrolls over HTTP at a tiny
 * endpoint, connects to a Mosquitto broker where a fake server acks everything, then gets 0, 10, 50
 * and 100 {@code sleep} workloads by sync; 5 s after each step it prints the daemon JVM's VmRSS (what
 * ps shows, as the bench reads it) and at the end its CPU time. {@code edge-daemon/rss-probe.sh} builds
 * and runs it; arguments: launcher, jar, extra JVM flags (EDGEFLEET_JAVA_OPTS), steps ({@code 0,10}).
 * {@code RSS_PROBE_DEPLOYS=100} first deploys and deletes that many workloads one after another, as the
 * bench does before it scales. With {@code RSS_PROBE_SEED} set the store is seeded (no enrollment, as after a restart); with {@code
 * RSS_PROBE_HOLD} set the daemon is kept running after the last step for jcmd or pmap.
 */
public final class RssProbe {
    private static final long MARKER = 990_000;

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        String extra = args.length > 2 ? args[2] : "";
        int[] steps = args.length > 3
                ? java.util.Arrays.stream(args[3].split(","))
                        .mapToInt(Integer::parseInt)
                        .toArray()
                : new int[] {0, 10, 50, 100};
        Path dir = Files.createTempDirectory("rss-probe");
        ObjectMapper mapper = io.edgefleet.protocol.ProtocolCodec.newMapper(1 << 20);
        try (MosquittoProcess broker = MosquittoProcess.start(dir.resolve("broker"));
                FakeServer server = FakeServer.connect(broker.url())) {
            Path dataDir = dir.resolve("data");
            // Enrollment over HTTP as in the bench: the daemon's HttpClient and its classes count too.
            com.sun.net.httpserver.HttpServer http =
                    com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/api/v1/enrollments", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] answer = ("{\"tenant\":\"" + TestStores.TENANT + "\",\"node\":\"" + TestStores.NODE
                                + "\",\"mqttUrl\":\"" + broker.url() + "\",\"username\":\"edge\",\"password\":\"pw\","
                                + "\"heartbeatSeconds\":1}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            http.start();
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "run")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("daemon.log").toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("EDGEFLEET_"));
            builder.environment()
                    .putAll(Map.of(
                            "JAVA_HOME",
                            System.getProperty("java.home"),
                            "EDGEFLEET_JAR",
                            jar.toString(),
                            "EDGEFLEET_DATA_DIR",
                            dataDir.toString(),
                            "EDGEFLEET_SERVER_URL",
                            "http://127.0.0.1:" + http.getAddress().getPort(),
                            "EDGEFLEET_NODE_NAME",
                            TestStores.NODE,
                            "EDGEFLEET_ENROLLMENT_TOKEN",
                            "token",
                            "EDGEFLEET_JAVA_OPTS",
                            extra));
            if (System.getenv("RSS_PROBE_SEED") != null) {
                // Already enrolled, as after a restart: no HTTP at all.
                TestStores.seed(dataDir, broker.url());
                builder.environment().remove("EDGEFLEET_ENROLLMENT_TOKEN");
            }
            Process daemon = builder.start();
            Thread acker = new Thread(() -> {
                int seen = 0;
                while (true) {
                    int now = server.received().size();
                    if (now > seen) {
                        long max = server.seqs().stream()
                                .mapToLong(Long::longValue)
                                .max()
                                .orElse(0);
                        server.ack(TestStores.TENANT, TestStores.NODE, max);
                        seen = now;
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            acker.setDaemon(true);
            try {
                acker.start();
                server.await(MessageKind.HELLO, 1, Duration.ofSeconds(30));
                server.await(MessageKind.HEARTBEAT, 1, Duration.ofSeconds(60));
                long version = 0;
                int running = 0;
                StringBuilder line = new StringBuilder();
                // As the bench does before it scales: deploys one after another, each deleted once running.
                int deploys = Integer.parseInt(System.getenv().getOrDefault("RSS_PROBE_DEPLOYS", "0"));
                for (int i = 0; i < deploys; i++) {
                    String name = "deploy-" + i;
                    DesiredWorkload desired = new DesiredWorkload(
                            name, 1, WorkloadTemplate.ofCommand(List.of("sleep", Long.toString(MARKER + 500 + i))));
                    ResourceChange upsert = new ResourceChange(
                            version + 1,
                            DesiredWorkload.RESOURCE,
                            name,
                            ResourceChange.Operation.UPSERT,
                            Optional.of(mapper.valueToTree(desired)));
                    server.command(
                            TestStores.TENANT, TestStores.NODE, new Sync(version, version + 1, false, List.of(upsert)));
                    version++;
                    Wait.until(
                            name + " running",
                            Duration.ofSeconds(120),
                            () -> sleeping().size() == 1);
                    ResourceChange delete = new ResourceChange(
                            version + 1,
                            DesiredWorkload.RESOURCE,
                            name,
                            ResourceChange.Operation.DELETE,
                            Optional.empty());
                    server.command(
                            TestStores.TENANT, TestStores.NODE, new Sync(version, version + 1, false, List.of(delete)));
                    version++;
                    Wait.until(name + " stopped", Duration.ofSeconds(120), () -> sleeping()
                            .isEmpty());
                }
                for (int target : steps) {
                    List<ResourceChange> changes = new ArrayList<>();
                    long from = version;
                    for (int i = running; i < target; i++) {
                        DesiredWorkload desired = new DesiredWorkload(
                                "scale-" + i,
                                1,
                                WorkloadTemplate.ofCommand(List.of("sleep", Long.toString(MARKER + i))));
                        changes.add(new ResourceChange(
                                ++version,
                                DesiredWorkload.RESOURCE,
                                desired.name(),
                                ResourceChange.Operation.UPSERT,
                                Optional.of(mapper.valueToTree(desired))));
                    }
                    if (!changes.isEmpty()) {
                        server.command(TestStores.TENANT, TestStores.NODE, new Sync(from, version, false, changes));
                    }
                    running = target;
                    int expected = target;
                    Wait.until(
                            target + " running",
                            Duration.ofSeconds(120),
                            () -> sleeping().size() == expected);
                    Thread.sleep(5000);
                    double rss = rssMb(daemon.pid());
                    System.out.printf("edge_rss_mb_%d %.1f MB%n", target, rss);
                    line.append(String.format(" %.1f", rss));
                }
                System.out.println("RSS" + line + "  cpu " + cpuMs(daemon.pid()) + " ms");
                System.out.println("log " + dir.resolve("daemon.log"));
                if (System.getenv("RSS_PROBE_HOLD") != null) {
                    System.out.println("pid " + daemon.pid() + " holding; touch " + dir.resolve("stop"));
                    while (!Files.exists(dir.resolve("stop"))) {
                        Thread.sleep(500);
                    }
                }
            } finally {
                daemon.destroy();
                daemon.waitFor();
                sleeping().forEach(ProcessHandle::destroyForcibly);
                http.stop(0);
            }
        }
    }

    private static List<ProcessHandle> sleeping() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("sleep " + MARKER / 1000))
                        .orElse(false))
                .toList();
    }

    /** User + system CPU time of the process so far (clock ticks of 10 ms). */
    static long cpuMs(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }
}
