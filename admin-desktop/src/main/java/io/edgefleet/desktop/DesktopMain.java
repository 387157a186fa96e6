package io.edgefleet.desktop;

import io.edgefleet.desktop.ui.Rendering;
import javafx.application.Application;

/**
 * The entry point. A class of its own, not the Application, so that the app starts from the class
 * path (JavaFX refuses an Application main class outside the module path). Without a display it says
 * so and stops instead of failing deep in the toolkit.
 */
public final class DesktopMain {
    private DesktopMain() {}

    public static void main(String[] args) {
        boolean headlessGlass = "Monocle".equals(System.getProperty("glass.platform"))
                || "Headless".equals(System.getProperty("glass.platform"));
        if (!headlessGlass && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            System.err.println("edgefleet desktop: no display (DISPLAY is not set). Run it in a desktop session,"
                    + " with ssh -X, or under xvfb-run.");
            System.exit(2);
        }
        Rendering.beforeToolkitStarts();
        Application.launch(DesktopApp.class, args);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
