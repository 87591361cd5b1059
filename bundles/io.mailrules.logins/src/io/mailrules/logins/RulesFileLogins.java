package io.mailrules.logins;

import io.mailrules.core.source.CredentialsUnavailableException;
import io.mailrules.core.source.MailboxException;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.MailboxSettings;

/**
 * Logins from a validated rules file without a display: where and as whom from the mailbox block, the secret from
 * its {@code password}/{@code oauth2 token} reference, resolved only when the mailbox is about to be connected.
 */
public final class RulesFileLogins implements MailboxLogins {

    private final Model model;
    private final SecretSources secrets;

    public RulesFileLogins(Model model, SecretSources secrets) {
        this.model = model;
        this.secrets = secrets;
    }

    @Override
    public MailboxLogin login(String name) throws MailboxException {
        Mailbox mailbox = MailboxBlocks.find(model, name).orElseThrow(() -> new IllegalArgumentException(
                "no mailbox " + name + " in the rules file"));
        MailboxSettings settings = MailboxBlocks.settings(mailbox);
        // Before the secret: a command would run, or an agent be asked, for a password that is never sent.
        ImapConnector.requireConfirmedSecurity(settings);
        try {
            return new MailboxLogin(settings, credentials(mailbox));
        } catch (CredentialsProblem e) {
            throw new CredentialsUnavailableException(name, settings.host(), e.getMessage());
        }
    }

    private Credentials credentials(Mailbox mailbox) throws CredentialsProblem {
        DeclaredCredential declared = MailboxBlocks.declaredCredential(mailbox).orElseThrow(() ->
                new CredentialsProblem("the mailbox block has no 'password from ...' or 'oauth2 token from ...'"));
        if (declared.source().isPresent()) {
            return declared.with(secrets.resolve(declared.source().get()));
        }
        // An inline password is an error the validator reports; a file with errors never gets here.
        return declared.with(declared.literal().orElseThrow(() -> new CredentialsProblem(
                "the mailbox block's credential names no source")));
    }
}
