package io.edgefleet.server.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceVersionsTest {

    @Test
    void noVersionMeansStartAtTheCurrentOne() {
        assertThat(ResourceVersions.from(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(ResourceVersions.from(Optional.of(" "), Optional.of(""))).isEmpty();
    }

    @Test
    void lastEventIdWinsOverTheQueryParameter() {
        assertThat(ResourceVersions.from(Optional.of("3"), Optional.of("17"))).contains(17L);
        assertThat(ResourceVersions.from(Optional.of("3"), Optional.empty())).contains(3L);
        assertThat(ResourceVersions.from(Optional.of("0"), Optional.empty())).contains(0L);
    }

    @Test
    void notAWholeNumberIsAnInvalidRequest() {
        for (String bad : new String[] {"abc", "-1", "1.5", "+2", "9999999999999999999999"}) {
            assertThatThrownBy(() -> ResourceVersions.from(Optional.of(bad), Optional.empty()))
                    .isInstanceOfSatisfying(
                            FleetException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.INVALID_REQUEST));
        }
        assertThatThrownBy(() -> ResourceVersions.from(Optional.empty(), Optional.of("x")))
                .hasMessageContaining("Last-Event-ID");
    }
}
