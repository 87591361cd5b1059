package io.mailrules.ui.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.security.storage.StorageException;

import io.mailrules.core.source.CredentialsUnavailableException;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.UnsupportedByServerException;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;
import io.mailrules.logins.CredentialsProblem;
import io.mailrules.logins.DeclaredCredential;
import io.mailrules.logins.MailboxBlocks;
import io.mailrules.logins.SecretSources;

/**
 * Logins for the mailboxes of one parsed rules file in the workbench. The secret comes from secure storage first
 * (what the user entered before, if it was kept for the same connection security), else from the file's own
 * {@code from env|command|secret} source as on the command line, else the user is asked, and may have it remembered
 * in secure storage. A job that cannot ask ({@link CredentialsPrompt#NOBODY}) fails the mailbox with the reasons.
 */
public final class WorkbenchLogins implements MailboxLogins {

    private final Model model;
    private final CredentialsStore store;
    private final SecretSources secrets;
    private final CredentialsPrompt prompt;
    private final boolean refuseUnencrypted;

    public WorkbenchLogins(Model model, CredentialsStore store, SecretSources secrets, CredentialsPrompt prompt,
            boolean refuseUnencrypted) {
        this.model = model;
        this.store = store;
        this.secrets = secrets;
        this.prompt = prompt;
        this.refuseUnencrypted = refuseUnencrypted;
    }

    /** The connection settings of a mailbox of the file, without its secret. */
    public MailboxSettings settings(String name) {
        return MailboxBlocks.settings(block(name));
    }

    @Override
    public MailboxLogin login(String name) throws MailboxException {
        Mailbox block = block(name);
        MailboxSettings settings = MailboxBlocks.settings(block);
        // Before secure storage or a prompt: nobody is asked for a password that would not be sent.
        ImapConnector.requireConfirmedSecurity(settings);
        if (refuseUnencrypted && settings.security() == Security.PLAIN) {
            throw new UnsupportedByServerException(name, settings.host(), "the mailbox is declared 'plain insecure'"
                    + " and the workbench is set to refuse unencrypted connections (Window > Preferences >"
                    + " Mailrules); nothing was sent");
        }
        Optional<DeclaredCredential> declared = MailboxBlocks.declaredCredential(block);
        List<String> reasons = new ArrayList<>();
        try {
            switch (store.lookup(settings)) {
                case CredentialsStore.Kept.Usable usable -> {
                    return new MailboxLogin(settings, usable.credentials());
                }
                case CredentialsStore.Kept.Withheld withheld -> reasons.add(withheld.reason());
                case CredentialsStore.Kept.Nothing nothing -> {
                    // on to the file's source
                }
            }
        } catch (StorageException e) {
            reasons.add(store.description() + " could not be read: " + e.getMessage());
        }
        if (declared.isPresent() && declared.get().source().isPresent()) {
            try {
                return new MailboxLogin(settings, declared.get().with(secrets.resolve(declared.get().source().get())));
            } catch (CredentialsProblem e) {
                reasons.add(e.getMessage());
            }
        } else if (reasons.isEmpty()) {
            reasons.add(declared.isPresent() ? "the password written in the rules file is not used; enter it here"
                    : "the rules file names no password source for this mailbox");
        }
        return asked(settings, declared, String.join("; ", reasons));
    }

    private MailboxLogin asked(MailboxSettings settings, Optional<DeclaredCredential> declared, String reason)
            throws CredentialsUnavailableException {
        boolean token = declared.map(DeclaredCredential::oauth2).orElse(false);
        CredentialsPrompt.Entered entered = prompt.ask(settings, token, reason).orElseThrow(() ->
                new CredentialsUnavailableException(settings.name(), settings.host(), reason + "; none was entered"));
        Credentials credentials = entered.credentials(token);
        if (entered.remember()) {
            try {
                store.remember(settings, credentials);
            } catch (StorageException | IOException e) {
                // The login can go on with what was typed; only remembering it failed.
                ILog.of(WorkbenchLogins.class).warn("Mailbox " + settings.name() + ": could not keep the password in "
                        + store.description() + ": " + e.getMessage(), e);
            }
        }
        return new MailboxLogin(settings, credentials);
    }

    private Mailbox block(String name) {
        return MailboxBlocks.find(model, name).orElseThrow(() -> new IllegalArgumentException(
                "no mailbox " + name + " in the rules file"));
    }
}
