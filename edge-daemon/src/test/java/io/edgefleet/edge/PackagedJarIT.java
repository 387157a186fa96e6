package io.edgefleet.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.edge.store.MetaKey;
import io.edgefleet.edge.store.StoreReader;
import io.edgefleet.edge.testing.FakeServer;
import io.edgefleet.edge.testing.TestStores;
import io.edgefleet.protocol.MessageKind;
import io.edgefleet.testsupport.MosquittoProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaging, as an operator meets it: the shaded jar run with {@code java -jar}, and the launcher
 * script that finds a JDK and runs the jar with the low-memory flags. Runs after {@code package}.
 */
class PackagedJarIT {
    private static final Path JAR = Path.of(System.getProperty("edge.jar", "target/edgefleet-edge.jar"));
    private static final Path LAUNCHER = Path.of(System.getProperty("edge.launcher", "src/main/dist/edgefleet-edge"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {}

    private Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("EDGEFLEET_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s finished", command)
                .isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private List<String> jar(String... args) {
        List<String> command = new ArrayList<>(
                List.of(JAVA.toString(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void shadedJarAnswersStatusFromAStore() throws Exception {
        Path dataDir = dir.resolve("data");
        TestStores.seed(dataDir, "tcp://127.0.0.1:1");

        Result result = run(jar("status", "--json"), Map.of("EDGEFLEET_DATA_DIR", dataDir.toString()));

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode status = new ObjectMapper().readTree(result.out());
        assertThat(status.path("node").asText()).isEqualTo(TestStores.NODE);
        assertThat(status.path("linkState").asText()).isEqualTo("stopped");
        assertThat(result.err()).doesNotContain("WARNING"); // native access is declared in the manifest
    }

    @Test
    void shadedJarWithoutAStoreExitsWith3() throws Exception {
        Result result = run(
                jar("status"),
                Map.of("EDGEFLEET_DATA_DIR", dir.resolve("nothing").toString()));

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("no store");
    }

    @Test
    void launcherFindsAJavaEvenWhenJavaHomeIsUnusable() throws Exception {
        Result result = run(
                List.of(LAUNCHER.toAbsolutePath().toString(), "--version"),
                Map.of(
                        "JAVA_HOME",
                        "/nonexistent",
                        "EDGEFLEET_JAR",
                        JAR.toAbsolutePath().toString()));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("edgefleet-edge ").doesNotContain("${");
    }

    @Test
    void daemonProcessConnectsAndStopsWithinFiveSecondsOfSigterm() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.start(dir.resolve("broker"));
                FakeServer server = FakeServer.connect(broker.url())) {
            Path dataDir = dir.resolve("data");
            TestStores.seed(dataDir, broker.url());
            ProcessBuilder builder = new ProcessBuilder(
                            LAUNCHER.toAbsolutePath().toString(), "run")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("daemon.log").toFile());
            builder.environment()
                    .putAll(Map.of(
                            "JAVA_HOME", System.getProperty("java.home"),
                            "EDGEFLEET_JAR", JAR.toAbsolutePath().toString(),
                            "EDGEFLEET_DATA_DIR", dataDir.toString(),
                            "EDGEFLEET_HEARTBEAT_SECONDS", "1"));
            Process daemon = builder.start();
            try {
                server.await(MessageKind.HELLO, 1, Duration.ofSeconds(30));
                server.ack(TestStores.TENANT, TestStores.NODE, 0);
                server.await(MessageKind.NODE_STATUS, 1, Duration.ofSeconds(10));
                server.ack(TestStores.TENANT, TestStores.NODE, 1);
                server.await(MessageKind.HEARTBEAT, 2, Duration.ofSeconds(10));
                System.out.printf("edge daemon idle RSS after connect: %.1f MB%n", rssMb(daemon.pid()));

                long stopping = System.nanoTime();
                daemon.destroy();

                assertThat(daemon.waitFor(5, TimeUnit.SECONDS))
                        .as("stopped within 5 s; log:%n%s", Files.readString(dir.resolve("daemon.log")))
                        .isTrue();
                System.out.printf(
                        "edge daemon stopped %d ms after SIGTERM%n", (System.nanoTime() - stopping) / 1_000_000);
            } finally {
                daemon.destroyForcibly();
            }
            assertThat(StoreReader.read(dataDir).orElseThrow().meta(MetaKey.LINK_STATE))
                    .contains("stopped");
            assertThat(Files.readString(dir.resolve("daemon.log")))
                    .contains("EF3201 connected")
                    .doesNotContain("node-password");
        }
    }

    private static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }
}
