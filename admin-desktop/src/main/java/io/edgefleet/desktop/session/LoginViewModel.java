package io.edgefleet.desktop.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.desktop.api.ApiAnswer;
import io.edgefleet.desktop.api.ConnectionMonitor;
import io.edgefleet.desktop.api.Credentials;
import io.edgefleet.desktop.api.FleetClient;
import io.edgefleet.desktop.api.ServerAddress;
import io.edgefleet.desktop.ui.Dispatch;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in form. {@link #login} checks the address, then asks {@code GET /api/v1/me} with the
 * credentials: 200 opens the session (and remembers address and user, not the password), 401 says the
 * user or password is wrong, no answer says the server is not reachable there.
 */
public final class LoginViewModel {
    private final Dispatch dispatch;
    private final ServerMemory memory;
    private final BiFunction<ServerAddress, Credentials, FleetClient> connect;
    private final ConnectionMonitor monitor;
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public LoginViewModel(
            Dispatch dispatch,
            ServerMemory memory,
            ConnectionMonitor monitor,
            BiFunction<ServerAddress, Credentials, FleetClient> connect) {
        this.dispatch = dispatch;
        this.memory = memory;
        this.monitor = monitor;
        this.connect = connect;
        address.set(memory.address().orElse("http://127.0.0.1:9080"));
        user.set(memory.user().orElse("admin"));
    }

    public void login(Consumer<Session> onSignedIn) {
        ServerAddress server;
        try {
            server = ServerAddress.parse(address.get());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        if (user.get().isBlank() || password.get().isEmpty()) {
            message.set("enter a user and a password");
            return;
        }
        Credentials credentials = new Credentials(user.get().strip(), password.get());
        FleetClient client = connect.apply(server, credentials);
        busy.set(true);
        message.set("signing in to " + server + " …");
        dispatch.run(
                () -> client.get("/api/v1/me"),
                answer -> {
                    busy.set(false);
                    switch (answer) {
                        case ApiAnswer.Ok ok -> {
                            memory.remember(server.toString(), credentials.user());
                            password.set("");
                            message.set("");
                            onSignedIn.accept(new Session(client, credentials, monitor, me(ok.body())));
                        }
                        case ApiAnswer.Refused refused ->
                            message.set(
                                    refused.problem().status() == 401
                                            ? "wrong user or password ("
                                                    + refused.problem().detail() + ")"
                                            : refused.problem().message());
                    }
                },
                failure -> {
                    busy.set(false);
                    message.set("no answer from " + server + ": " + failure.getMessage());
                });
    }

    private static Session.Me me(JsonNode json) {
        return new Session.Me(
                json.path("username").asText(),
                json.path("role").asText(),
                json.path("tenant").asText());
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
