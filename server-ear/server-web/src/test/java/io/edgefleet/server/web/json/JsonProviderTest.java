package io.edgefleet.server.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.Problem;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.web.enrollment.CreateTokenRequest;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonProviderTest {
    private static final MediaType JSON = new MediaType("application", "json");
    private final JsonProvider provider = new JsonProvider();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(Class<?> type, String body) throws IOException {
        return provider.readFrom(
                (Class) type,
                type,
                new Annotation[0],
                JSON,
                null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertRefused(String body, ProblemCode code) {
        assertThatThrownBy(() -> read(CreateTokenRequest.class, body))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.problem()).isEqualTo(code));
    }

    @Test
    void validBodyIsRead() throws IOException {
        assertThat(read(CreateTokenRequest.class, "{\"ttlSeconds\":60,\"node\":\"edge-1\"}"))
                .isEqualTo(new CreateTokenRequest(Optional.of(60L), Optional.of("edge-1")));
        assertThat(read(CreateTokenRequest.class, "{}"))
                .isEqualTo(new CreateTokenRequest(Optional.empty(), Optional.empty()));
    }

    @Test
    void unknownFieldIsRefused() {
        assertRefused("{\"ttlSeconds\":60,\"extra\":1}", ProblemCode.UNKNOWN_FIELD);
    }

    @Test
    void scalarsAreNotCoerced() {
        assertRefused("{\"ttlSeconds\":\"60\"}", ProblemCode.INVALID_TYPE);
        assertRefused("{\"ttlSeconds\":1.5}", ProblemCode.INVALID_TYPE);
        assertRefused("{\"ttlSeconds\":true}", ProblemCode.INVALID_TYPE);
        assertRefused("{\"node\":42}", ProblemCode.INVALID_TYPE);
        assertRefused("{\"node\":false}", ProblemCode.INVALID_TYPE);
        assertRefused("{\"node\":{}}", ProblemCode.INVALID_TYPE);
    }

    @Test
    void notAnObjectIsRefused() {
        assertRefused("[]", ProblemCode.INVALID_TYPE);
        assertRefused("null", ProblemCode.INVALID_TYPE);
        assertRefused("\"text\"", ProblemCode.INVALID_TYPE);
    }

    @Test
    void brokenJsonIsRefused() {
        assertRefused("{\"ttlSeconds\":", ProblemCode.MALFORMED_JSON);
        assertRefused("{\"ttlSeconds\":60} {}", ProblemCode.MALFORMED_JSON);
        assertRefused("{'ttlSeconds':60}", ProblemCode.MALFORMED_JSON);
        assertRefused("", ProblemCode.MALFORMED_JSON);
        assertRefused("{\"node\":\"a\",\"node\":\"b\"}", ProblemCode.MALFORMED_JSON);
    }

    @Test
    void bodyOverOneMebibyteIsPayloadTooLarge() {
        String body = "{\"node\":\"" + "a".repeat(RestJson.MAX_BODY_BYTES) + "\"}";

        assertRefused(body, ProblemCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        String body = "{\"node\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThatThrownBy(() -> read(CreateTokenRequest.class, body)).isInstanceOf(FleetException.class);
    }

    @Test
    void outputUsesIsoTimesAndOmitsAbsentValues() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        record Sample(Instant at, Optional<String> missing, Optional<String> present) {}

        provider.writeTo(
                new Sample(Instant.parse("2026-01-02T03:04:05Z"), Optional.empty(), Optional.of("x")),
                Sample.class,
                Sample.class,
                new Annotation[0],
                JSON,
                null,
                out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"at\":\"2026-01-02T03:04:05Z\",\"present\":\"x\"}");
    }

    @Test
    void problemDocumentsAreWrittenInRfc9457Order() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        provider.writeTo(
                Problem.of(ProblemCode.NOT_FOUND, "node 'x' does not exist"),
                Problem.class,
                Problem.class,
                new Annotation[0],
                new MediaType("application", "problem+json"),
                null,
                out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("{\"type\":\"urn:edgefleet:problem:not-found\",\"title\":\"Not found\",\"status\":404,");
    }

    @Test
    void handlesJsonMediaTypesOnly() {
        assertThat(provider.isReadable(CreateTokenRequest.class, null, null, JSON))
                .isTrue();
        assertThat(provider.isReadable(
                        CreateTokenRequest.class, null, null, new MediaType("application", "merge-patch+json")))
                .isTrue();
        assertThat(provider.isReadable(CreateTokenRequest.class, null, null, new MediaType("text", "plain")))
                .isFalse();
        assertThat(provider.isWriteable(String.class, null, null, JSON)).isFalse();
    }
}
