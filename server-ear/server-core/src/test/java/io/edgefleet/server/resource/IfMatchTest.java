package io.edgefleet.server.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void noHeaderIsNoPrecondition() {
        assertThat(IfMatch.matches(Optional.empty(), 5)).isTrue();
    }

    @Test
    void currentStrongTagOrStarMatches() {
        assertThat(IfMatch.matches(Optional.of("\"5\""), 5)).isTrue();
        assertThat(IfMatch.matches(Optional.of("\"4\", \"5\""), 5)).isTrue();
        assertThat(IfMatch.matches(Optional.of("*"), 5)).isTrue();
    }

    @Test
    void staleWeakOrMalformedTagsDoNotMatch() {
        assertThat(IfMatch.matches(Optional.of("\"4\""), 5)).isFalse();
        assertThat(IfMatch.matches(Optional.of("W/\"5\""), 5)).isFalse();
        assertThat(IfMatch.matches(Optional.of("5"), 5)).isFalse();
    }

    @Test
    void mismatchIsA412Problem() {
        assertThatThrownBy(() -> IfMatch.require(Optional.of("\"1\""), 2))
                .isInstanceOfSatisfying(
                        FleetException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.PRECONDITION_FAILED));
    }

    @Test
    void pageLimitDefaultsToOneHundredAndStopsAtOneThousand() {
        assertThat(PageLimit.of(Optional.empty())).isEqualTo(100);
        assertThat(PageLimit.of(Optional.of(1000))).isEqualTo(1000);
        assertThatThrownBy(() -> PageLimit.of(Optional.of(1001))).isInstanceOf(FleetException.class);
        assertThatThrownBy(() -> PageLimit.of(Optional.of(0))).isInstanceOf(FleetException.class);
    }
}
