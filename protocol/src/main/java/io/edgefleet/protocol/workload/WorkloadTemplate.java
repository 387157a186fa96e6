package io.edgefleet.protocol.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a node runs for one workload: the process (command or artifact, arguments, environment),
 * when it is restarted, how it is checked and what it may use.
 *
 * <p>The command is {@code command + args}. With an artifact and no command, the artifact itself is
 * executed. {@code ${artifact}} in the command or arguments stands for the artifact's path in the
 * node's cache.
 */
public record WorkloadTemplate(
        WorkloadRuntime runtime,
        Optional<ArtifactRef> artifact,
        List<String> command,
        List<String> args,
        Map<String, String> env,
        RestartPolicy restartPolicy,
        Optional<Probe> livenessProbe,
        Optional<Probe> readinessProbe,
        ResourceLimits limits,
        int stopGraceSeconds) {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public WorkloadTemplate {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(artifact, "artifact");
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        args = List.copyOf(Objects.requireNonNull(args, "args"));
        env = Map.copyOf(new TreeMap<>(Objects.requireNonNull(env, "env")));
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        Objects.requireNonNull(livenessProbe, "livenessProbe");
        Objects.requireNonNull(readinessProbe, "readinessProbe");
        Objects.requireNonNull(limits, "limits");
        if (command.isEmpty() && artifact.isEmpty()) {
            throw new IllegalArgumentException("a workload needs a command or an artifact");
        }
        if (stopGraceSeconds < 0 || stopGraceSeconds > 3600) {
            throw new IllegalArgumentException("stopGraceSeconds must be 0-3600");
        }
        for (String key : env.keySet()) {
            if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("environment variable name '" + key + "' is not valid");
            }
        }
    }

    /** A template that runs {@code command} with defaults: restart always, no probes, no limits. */
    public static WorkloadTemplate ofCommand(List<String> command) {
        return new WorkloadTemplate(
                WorkloadRuntime.PROCESS,
                Optional.empty(),
                command,
                List.of(),
                Map.of(),
                RestartPolicy.ALWAYS,
                Optional.empty(),
                Optional.empty(),
                ResourceLimits.NONE,
                10);
    }

    /**
     * SHA-256 of the template's canonical JSON (properties and map keys sorted): equal templates
     * have equal fingerprints on every JVM, so the edge restarts an instance only when this changes.
     */
    public String fingerprint() {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(this);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a workload template", e);
        }
    }

    /** The command line as people read it, for logs and the local CLI. */
    public String describe() {
        String program = command.isEmpty() ? "${artifact}" : String.join(" ", command);
        return args.isEmpty() ? program : program + " " + String.join(" ", args);
    }
}
