package io.edgefleet.desktop;

import io.edgefleet.desktop.api.Backoff;
import io.edgefleet.desktop.api.ConnectionMonitor;
import io.edgefleet.desktop.api.HttpFleetClient;
import io.edgefleet.desktop.session.LoginView;
import io.edgefleet.desktop.session.LoginViewModel;
import io.edgefleet.desktop.session.ServerMemory;
import io.edgefleet.desktop.session.Session;
import io.edgefleet.desktop.ui.Dispatch;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: the sign-in form first, then the {@link Workbench}. The preferences node
 * where the address is remembered is {@code io/edgefleet/desktop}, or the system property {@code
 * edgefleet.desktop.prefs} (the tests use their own).
 */
public final class DesktopApp extends Application {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "desktop-timers");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock = Clock.systemUTC();
    private final Dispatch dispatch = Dispatch.fx();
    private Optional<Workbench> workbench = Optional.empty();
    private Stage stage;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        ConnectionMonitor monitor = new ConnectionMonitor(Platform::runLater, scheduler, Backoff.standard(), clock);
        LoginViewModel login = new LoginViewModel(
                dispatch,
                ServerMemory.preferences(System.getProperty("edgefleet.desktop.prefs", "io/edgefleet/desktop")),
                monitor,
                (address, credentials) -> new HttpFleetClient(address, credentials, monitor));
        primary.setTitle("EdgeFleet admin");
        primary.setScene(new Scene(new LoginView(login, this::open), 1280, 800));
        primary.show();
    }

    private void open(Session session) {
        Workbench opened = new Workbench(session, dispatch, scheduler, clock);
        workbench = Optional.of(opened);
        stage.setTitle("EdgeFleet admin: " + session.client().address());
        stage.getScene().setRoot(opened.window());
        opened.start();
    }

    /** The signed-in workbench (the UI tests reach the view-models through it). */
    public Optional<Workbench> workbench() {
        return workbench;
    }

    @Override
    public void stop() {
        workbench.ifPresent(Workbench::close);
        scheduler.shutdownNow();
    }
}
