package io.mailrules.ui.mail;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import io.mailrules.imap.MailboxSettings;

/**
 * Asks in a {@link CredentialsDialog} on the UI thread, from whatever thread a job logs in on; the job waits for
 * the answer.
 */
public final class DialogCredentialsPrompt implements CredentialsPrompt {

    private final Display display;

    public DialogCredentialsPrompt(Display display) {
        this.display = display;
    }

    @Override
    public Optional<Entered> ask(MailboxSettings mailbox, boolean token, String reason) {
        if (display.isDisposed()) {
            return Optional.empty();
        }
        AtomicReference<Entered> answer = new AtomicReference<>();
        display.syncExec(() -> {
            Shell parent = display.getActiveShell();
            CredentialsDialog dialog = new CredentialsDialog(parent, mailbox, reason, token);
            if (dialog.open() == Window.OK) {
                answer.set(dialog.entered());
            }
        });
        return Optional.ofNullable(answer.get());
    }
}
