package io.edgefleet.server.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContinueTokenTest {

    @Test
    void tokenCarriesTheLastNameOpaquely() {
        String token = ContinueToken.after("edge-17");

        assertThat(token).doesNotContain("edge-17");
        assertThat(ContinueToken.parse(Optional.of(token))).contains("edge-17");
    }

    @Test
    void noTokenMeansFirstPage() {
        assertThat(ContinueToken.parse(Optional.empty())).isEmpty();
        assertThat(ContinueToken.parse(Optional.of(""))).isEmpty();
    }

    @Test
    void foreignTokensAreRefused() {
        for (String bad :
                new String[] {"not base64!", "YWJj", ContinueToken.after("x").substring(1)}) {
            assertThatThrownBy(() -> ContinueToken.parse(Optional.of(bad)))
                    .isInstanceOfSatisfying(
                            FleetException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.INVALID_CONTINUE));
        }
    }
}
