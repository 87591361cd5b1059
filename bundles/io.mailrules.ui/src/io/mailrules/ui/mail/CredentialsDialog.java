package io.mailrules.ui.mail;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.mailrules.imap.MailboxSettings;

/**
 * Asks for one mailbox's password (or OAuth2 token). The user name is the rules file's, shown but not editable: the
 * file decides who logs in, the dialog only supplies the secret.
 */
public final class CredentialsDialog extends TitleAreaDialog {

    public static final String TITLE = "Mailbox Credentials";
    public static final String PASSWORD_ID = "credentials.password";
    public static final String USER_ID = "credentials.user";
    public static final String REMEMBER_ID = "credentials.remember";

    private final MailboxSettings mailbox;
    private final String reason;
    private final boolean token;
    private Text secretField;
    private Button rememberBox;
    private CredentialsPrompt.Entered entered;

    public CredentialsDialog(Shell parent, MailboxSettings mailbox, String reason, boolean token) {
        super(parent);
        this.mailbox = mailbox;
        this.reason = reason;
        this.token = token;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Log in to mailbox " + mailbox.name());
        setMessage(reason);
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);

        label(fields, "Server:");
        label(fields, mailbox.host() + ":" + mailbox.port() + " (" + mailbox.security().words() + ")");
        label(fields, "User:");
        Text user = new Text(fields, SWT.BORDER | SWT.READ_ONLY);
        user.setText(mailbox.user());
        user.setData("id", USER_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(user);
        label(fields, token ? "OAuth2 token:" : "Password:");
        secretField = new Text(fields, SWT.BORDER | SWT.PASSWORD);
        secretField.setData("id", PASSWORD_ID);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(secretField);
        secretField.addModifyListener(event -> updateOk());

        new Label(fields, SWT.NONE);
        rememberBox = new Button(fields, SWT.CHECK);
        rememberBox.setText("&Remember in secure storage");
        rememberBox.setSelection(true);
        rememberBox.setData("id", REMEMBER_ID);
        secretField.setFocus();
        return area;
    }

    private static void label(Composite parent, String text) {
        new Label(parent, SWT.NONE).setText(text);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        updateOk();
    }

    private void updateOk() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(!secretField.getText().isEmpty());
        }
    }

    @Override
    protected void okPressed() {
        entered = new CredentialsPrompt.Entered(secretField.getText(), rememberBox.getSelection());
        super.okPressed();
    }

    /** What the user entered, once the dialog closed with OK. */
    public CredentialsPrompt.Entered entered() {
        return entered;
    }
}
