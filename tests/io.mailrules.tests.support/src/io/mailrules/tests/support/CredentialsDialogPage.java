package io.mailrules.tests.support;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.mailrules.ui.mail.CredentialsDialog;

/** The Mailbox Credentials dialog: the reason it asks, the user it shows, and the password typed into it. */
public final class CredentialsDialogPage extends ShellPage {

    private CredentialsDialogPage(Shell shell) {
        super(shell);
    }

    public static CredentialsDialogPage waitForDialog() {
        return new CredentialsDialogPage(ShellPage.waitFor(CredentialsDialog.TITLE).shell);
    }

    public String user() {
        return Ui.call(() -> Widgets.byId(shell, Text.class, CredentialsDialog.USER_ID).orElseThrow().getText());
    }

    /** Every text the dialog shows in labels and fields, such as why it asks. */
    public java.util.List<String> texts() {
        return Ui.call(() -> Widgets.all(shell).stream().map(control -> control instanceof Text text ? text.getText()
                : control instanceof org.eclipse.swt.widgets.Label label ? label.getText() : null)
                .filter(java.util.Objects::nonNull).toList());
    }

    public boolean remembers() {
        return Ui.call(() -> Widgets.byId(shell, Button.class, CredentialsDialog.REMEMBER_ID).orElseThrow()
                .getSelection());
    }

    /** Types the password into its field, key by key, and presses Enter, which confirms the dialog. */
    public void enterPassword(String password) {
        activate();
        Text field = Ui.call(() -> Widgets.byId(shell, Text.class, CredentialsDialog.PASSWORD_ID).orElseThrow());
        Mouse.click(field);
        Keyboard.typeText(password);
        Keyboard.enter();
        waitUntilClosed();
    }
}
