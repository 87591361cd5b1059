package io.mailrules.cli.credentials;

import java.util.List;
import java.util.Optional;

import io.mailrules.cli.execution.ModelElements;
import io.mailrules.core.source.CredentialsUnavailableException;
import io.mailrules.core.source.MailboxException;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.MailboxSetting;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.OAuthCredential;
import io.mailrules.dsl.mailrules.PasswordCredential;
import io.mailrules.dsl.mailrules.Server;
import io.mailrules.dsl.mailrules.TrashFolder;
import io.mailrules.dsl.mailrules.Trust;
import io.mailrules.dsl.mailrules.User;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;

/**
 * Logins from a validated rules file: where and as whom from the mailbox block, the secret from its
 * {@code password}/{@code oauth2 token} reference, resolved only when the mailbox is about to be connected.
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
        Mailbox mailbox = mailbox(name).orElseThrow(() -> new IllegalArgumentException("no mailbox " + name
                + " in the rules file"));
        MailboxSettings settings = settings(mailbox);
        try {
            return new MailboxLogin(settings, credentials(mailbox));
        } catch (CredentialsProblem e) {
            throw new CredentialsUnavailableException(name, settings.host(), e.getMessage());
        }
    }

    /** The mailbox block of that name in the file or the files it imports. */
    public Optional<Mailbox> mailbox(String name) {
        return ModelElements.named(model, Mailbox.class, name, Mailbox::getName);
    }

    /** Every mailbox the file and its imports declare, the file's own first. */
    public List<Mailbox> mailboxes() {
        return ModelElements.all(model, Mailbox.class);
    }

    public static MailboxSettings settings(Mailbox mailbox) {
        Server server = setting(mailbox, Server.class).orElseThrow(() -> new IllegalArgumentException(
                "Mailbox '" + mailbox.getName() + "' has no host"));
        Security security = switch (server.getSecurity()) {
            case TLS -> Security.TLS;
            case STARTTLS -> Security.STARTTLS;
            case PLAIN -> Security.PLAIN;
        };
        int port = server.getPort() > 0 ? server.getPort() : security == Security.TLS ? 993 : 143;
        String user = setting(mailbox, User.class).map(User::getUser).orElseThrow(() -> new IllegalArgumentException(
                "Mailbox '" + mailbox.getName() + "' has no user"));
        return new MailboxSettings(mailbox.getName(), server.getHost(), port, security, user,
                setting(mailbox, Trust.class).map(Trust::getFingerprint),
                setting(mailbox, TrashFolder.class).map(TrashFolder::getFolder));
    }

    private Credentials credentials(Mailbox mailbox) throws CredentialsProblem {
        for (MailboxSetting setting : mailbox.getSettings()) {
            if (setting instanceof OAuthCredential oauth) {
                return Credentials.oauth2AccessToken(secrets.resolve(oauth.getSource()));
            }
            if (setting instanceof PasswordCredential password) {
                // An inline password is an error the validator reports; a file with errors never gets here.
                return Credentials.password(password.getSource() != null ? secrets.resolve(password.getSource())
                        : password.getLiteral());
            }
        }
        throw new CredentialsProblem("the mailbox block has no 'password from ...' or 'oauth2 token from ...'");
    }

    private static <T> Optional<T> setting(Mailbox mailbox, Class<T> type) {
        return mailbox.getSettings().stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
