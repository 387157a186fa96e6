package io.edgefleet.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.protocol.ProtocolException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemCodeTest {

    @Test
    void everyCodeIsUniqueAndHasATitleAndAHint() {
        assertThat(Arrays.stream(ProblemCode.values()).map(ProblemCode::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"));
        assertThat(ProblemCode.values()).allSatisfy(code -> {
            assertThat(code.title()).isNotBlank();
            assertThat(code.hint()).isNotBlank();
            assertThat(code.status()).isBetween(400, 599);
        });
    }

    @Test
    void typeIsAnEdgeFleetUrn() {
        assertThat(ProblemCode.ENROLLMENT_TOKEN_USED.type()).isEqualTo("urn:edgefleet:problem:enrollment-token-used");
    }

    @Test
    void contractCodesKeepTheirStatus() {
        assertThat(ProblemCode.ENROLLMENT_TOKEN_INVALID.status()).isEqualTo(401);
        assertThat(ProblemCode.ENROLLMENT_TOKEN_EXPIRED.status()).isEqualTo(410);
        assertThat(ProblemCode.ENROLLMENT_TOKEN_USED.status()).isEqualTo(409);
        assertThat(ProblemCode.NODE_EXISTS.status()).isEqualTo(409);
        assertThat(ProblemCode.FIELD_NOT_PATCHABLE.status()).isEqualTo(422);
        assertThat(ProblemCode.PRECONDITION_FAILED.status()).isEqualTo(412);
        assertThat(ProblemCode.PAYLOAD_TOO_LARGE.status()).isEqualTo(413);
    }

    @Test
    void containerStatusesMapToTheirProblem() {
        assertThat(ProblemCode.forStatus(404)).isEqualTo(ProblemCode.NOT_FOUND);
        assertThat(ProblemCode.forStatus(405)).isEqualTo(ProblemCode.METHOD_NOT_ALLOWED);
        assertThat(ProblemCode.forStatus(415)).isEqualTo(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ProblemCode.forStatus(418)).isEqualTo(ProblemCode.INTERNAL_ERROR);
    }

    @Test
    void protocolValidationFailuresBecomeTheirProblems() {
        assertThat(Problem.from(new ProtocolException("invalid-name", "bad")).problem())
                .isEqualTo(ProblemCode.INVALID_NAME);
        assertThat(Problem.from(new ProtocolException("invalid-label", "bad")).problem())
                .isEqualTo(ProblemCode.INVALID_LABEL);
        assertThat(Problem.from(new ProtocolException("invalid-selector", "bad"))
                        .problem())
                .isEqualTo(ProblemCode.INVALID_SELECTOR);
        assertThat(Problem.from(new ProtocolException("other", "bad")).problem())
                .isEqualTo(ProblemCode.INVALID_REQUEST);
    }

    @Test
    void problemDocumentCarriesCodeAndHint() {
        Problem problem = Problem.of(new FleetException(ProblemCode.NODE_EXISTS, "node 'a' exists"));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.code()).isEqualTo("node-exists");
        assertThat(problem.detail()).isEqualTo("node 'a' exists");
        assertThat(problem.hint()).isEqualTo(ProblemCode.NODE_EXISTS.hint());
    }
}
