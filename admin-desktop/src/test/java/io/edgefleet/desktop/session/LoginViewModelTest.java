package io.edgefleet.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.desktop.FakeFleetClient;
import io.edgefleet.desktop.api.Backoff;
import io.edgefleet.desktop.api.ConnectionMonitor;
import io.edgefleet.desktop.api.Json;
import io.edgefleet.desktop.ui.Dispatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {
    private final FakeFleetClient server = new FakeFleetClient();
    private final ServerMemory memory = ServerMemory.inMemory();
    private final ConnectionMonitor monitor = new ConnectionMonitor(
            Runnable::run, Executors.newSingleThreadScheduledExecutor(), Backoff.standard(), Clock.systemUTC());
    private final List<Session> sessions = new ArrayList<>();

    private LoginViewModel form() {
        return new LoginViewModel(Dispatch.direct(), memory, monitor, (address, credentials) -> server);
    }

    @Test
    void signingInRemembersTheAddressAndUserButNeverThePassword() {
        server.answer(
                "/api/v1/me", Json.parse("{\"username\":\"admin\",\"role\":\"fleet-admin\",\"tenant\":\"default\"}"));
        LoginViewModel login = form();
        login.addressProperty().set("http://localhost:9443");
        login.passwordProperty().set("secret");
        login.login(sessions::add);
        assertThat(sessions).singleElement().satisfies(s -> assertThat(s.me().role())
                .isEqualTo("fleet-admin"));
        assertThat(memory.address()).contains("http://localhost:9443");
        assertThat(memory.user()).contains("admin");
        assertThat(login.passwordProperty().get()).isEmpty();
        assertThat(form().addressProperty().get()).isEqualTo("http://localhost:9443");
    }

    @Test
    void wrongCredentialsAreSaidAsSuch() {
        server.refuse("/api/v1/me", 401, "unauthorized", "user or password wrong");
        LoginViewModel login = form();
        login.passwordProperty().set("nope");
        login.login(sessions::add);
        assertThat(sessions).isEmpty();
        assertThat(login.messageProperty().get()).startsWith("wrong user or password");
        assertThat(memory.address()).isEmpty();
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBeforeAnythingIsSent() {
        LoginViewModel login = form();
        login.addressProperty().set("http://fleet.example.com");
        login.passwordProperty().set("secret");
        login.login(sessions::add);
        assertThat(login.messageProperty().get()).contains("https://");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnreachableServerIsSaidAsSuch() {
        server.unreachable(true);
        LoginViewModel login = form();
        login.passwordProperty().set("secret");
        login.login(sessions::add);
        assertThat(login.messageProperty().get()).contains("no answer from http://127.0.0.1:9080");
    }
}
