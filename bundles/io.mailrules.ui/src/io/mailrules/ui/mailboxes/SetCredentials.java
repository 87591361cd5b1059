package io.mailrules.ui.mailboxes;

import java.io.IOException;

import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import io.mailrules.imap.MailboxSettings;
import io.mailrules.ui.mail.CredentialsDialog;
import io.mailrules.ui.mail.CredentialsPrompt;
import io.mailrules.ui.mail.CredentialsStore;

/** Set Credentials...: the mailbox's password entered in a dialog and kept in secure storage. */
final class SetCredentials {

    private final Shell shell;
    private final CredentialsStore store;

    SetCredentials(Shell shell, CredentialsStore store) {
        this.shell = shell;
        this.store = store;
    }

    void ask(MailboxEntry entry) {
        if (entry.settings().isEmpty()) {
            MessageDialog.openInformation(shell, CredentialsDialog.TITLE, entry.problem().orElse(""));
            return;
        }
        MailboxSettings settings = entry.settings().get();
        CredentialsDialog dialog = new CredentialsDialog(shell, settings, "The " + (entry.oauth2() ? "token" : "password")
                + " is kept in " + store.description() + ", never in the rules file.", entry.oauth2());
        if (dialog.open() != Window.OK) {
            return;
        }
        CredentialsPrompt.Entered entered = dialog.entered();
        try {
            if (entered.remember()) {
                store.remember(settings, entered.credentials(entry.oauth2()));
            } else {
                store.forget(settings);
            }
        } catch (StorageException | IOException e) {
            MessageDialog.openError(shell, CredentialsDialog.TITLE, "Mailbox " + entry.name()
                    + ": the password could not be kept in " + store.description() + ": " + e.getMessage());
        }
    }
}
