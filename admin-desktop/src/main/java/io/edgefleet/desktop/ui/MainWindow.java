package io.edgefleet.desktop.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** The signed-in window: the connection banner on top, one tab per view, who is signed in below. */
public final class MainWindow extends BorderPane {
    private final TabPane tabs = new TabPane();

    public MainWindow(ConnectionBanner banner, String signedInAs) {
        setId("main-window");
        tabs.setId("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(banner);
        setCenter(tabs);
        Label status = new Label(signedInAs);
        status.setStyle(Styles.MUTED + " -fx-padding: 3 8 3 8;");
        setBottom(status);
    }

    public Tab add(String id, String title, Node view) {
        Tab tab = new Tab(title, view);
        tab.setId(id);
        tabs.getTabs().add(tab);
        return tab;
    }

    public void show(String id) {
        tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId()))
                .findFirst()
                .ifPresent(tabs.getSelectionModel()::select);
    }

    public TabPane tabs() {
        return tabs;
    }
}
