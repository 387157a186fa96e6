package io.edgefleet.desktop.session;

import io.edgefleet.desktop.ui.Styles;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The sign-in form. */
public final class LoginView extends VBox {

    public LoginView(LoginViewModel viewModel, Consumer<Session> onSignedIn) {
        super(10);
        setId("login-view");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(30));
        TextField address = new TextField();
        address.setId("login-address");
        address.setPrefColumnCount(30);
        address.textProperty().bindBidirectional(viewModel.addressProperty());
        TextField user = new TextField();
        user.setId("login-user");
        user.textProperty().bindBidirectional(viewModel.userProperty());
        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        Button signIn = new Button("Sign in");
        signIn.setId("login-sign-in");
        signIn.setDefaultButton(true);
        signIn.disableProperty().bind(viewModel.busyProperty());
        signIn.setOnAction(e -> viewModel.login(onSignedIn));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setAlignment(Pos.CENTER);
        form.addRow(0, new Label("Server"), address);
        form.addRow(1, new Label("User"), user);
        form.addRow(2, new Label("Password"), password);
        Label note = new Label("https:// for a remote server; plain http:// only on this machine."
                + " The address and user are remembered, the password never.");
        note.setStyle(Styles.MUTED);
        Label message = Styles.error(viewModel.messageProperty());
        message.setId("login-message");
        getChildren().addAll(Styles.title("EdgeFleet admin"), form, signIn, message, note);
    }
}
