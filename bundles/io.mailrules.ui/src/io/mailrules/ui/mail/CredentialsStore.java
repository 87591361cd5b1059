package io.mailrules.ui.mail;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

import io.mailrules.imap.Credentials;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;

/**
 * Mailbox secrets in Equinox secure storage, encrypted, one node per account: host, port and user name it, so two
 * rules files naming the same account share its password while the file itself never holds one.
 *
 * <p>Each secret is bound to the security of the connection it was kept for: the TLS mode and the pinned
 * certificate, kept encrypted beside it. A secret is handed out only for settings with the same security, so an
 * edit of the rules file (or of a file another user gave you) that turns {@code tls} into {@code plain}, or pins
 * another certificate, cannot send a kept password over a connection it was never meant for: it is withheld, and
 * the user is asked again.
 */
public final class CredentialsStore {

    private static final String ROOT = "io.mailrules/mailboxes";
    private static final String SECRET = "secret";
    private static final String KIND = "kind";
    private static final String OAUTH2 = "oauth2";
    private static final String PASSWORD = "password";
    private static final String SECURITY = "security";
    private static final String PINNED = "pinned-certificate";

    /** What the store holds for a mailbox's account, as far as these connection settings may use it. */
    public sealed interface Kept {
        /** Nothing is kept for the account. */
        record Nothing() implements Kept {
        }

        /** The secret, kept for the same connection security. */
        record Usable(Credentials credentials) implements Kept {
        }

        /** A secret is kept, but for another connection security; {@code reason} says which, never the secret. */
        record Withheld(String reason) implements Kept {
        }
    }

    private final ISecurePreferences root;
    private final String description;

    public CredentialsStore(ISecurePreferences root, String description) {
        this.root = root;
        this.description = description;
    }

    /** The user's default secure storage, unlocked by the workbench's master password. */
    public static CredentialsStore openDefault() {
        ISecurePreferences preferences = SecurePreferencesFactory.getDefault();
        if (preferences == null) {
            throw new IllegalStateException("Equinox secure storage is not available");
        }
        return new CredentialsStore(preferences, "the workbench's secure storage");
    }

    /**
     * A store in a file of its own whose master password is given, so that nobody is asked for one: for tests and
     * the demo, which must neither prompt nor touch the user's store.
     */
    public static CredentialsStore open(Path file, char[] masterPassword) throws IOException {
        URL location = file.toUri().toURL();
        Map<String, Object> options = Map.of(IProviderHints.PROMPT_USER, Boolean.FALSE,
                IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(masterPassword));
        ISecurePreferences preferences = SecurePreferencesFactory.open(location, options);
        if (preferences == null) {
            throw new IOException("cannot open secure storage at " + file);
        }
        return new CredentialsStore(preferences, "secure storage " + file);
    }

    /**
     * The account's secret, only if it was kept for the same connection security as {@code mailbox}'s.
     *
     * @throws StorageException when the store cannot be decrypted (e.g. no master password was given)
     */
    public Optional<Credentials> find(MailboxSettings mailbox) throws StorageException {
        return lookup(mailbox) instanceof Kept.Usable usable ? Optional.of(usable.credentials()) : Optional.empty();
    }

    /** @throws StorageException when the store cannot be decrypted (e.g. no master password was given) */
    public Kept lookup(MailboxSettings mailbox) throws StorageException {
        String node = nodePath(mailbox);
        if (!root.nodeExists(node)) {
            return new Kept.Nothing();
        }
        ISecurePreferences account = root.node(node);
        String secret = account.get(SECRET, null);
        if (secret == null) {
            return new Kept.Nothing();
        }
        boolean token = OAUTH2.equals(account.get(KIND, PASSWORD));
        String what = "the " + (token ? "token" : "password") + " kept in " + description;
        String keptFor = account.get(SECURITY, null);
        if (keptFor == null) {
            return new Kept.Withheld(what + " was kept before Mailrules recorded the connection's security with it,"
                    + " so it is not sent; enter it again (Set Credentials... in the Mailboxes view) to keep it for "
                    + words(mailbox.security().name(), pin(mailbox)));
        }
        String pinnedThen = account.get(PINNED, "");
        if (!keptFor.equals(mailbox.security().name()) || !pinnedThen.equals(pin(mailbox))) {
            return new Kept.Withheld(what + " was kept for " + words(keptFor, pinnedThen) + ", and the mailbox now"
                    + " says " + words(mailbox.security().name(), pin(mailbox)) + ", so it is not sent; enter it"
                    + " again (Set Credentials... in the Mailboxes view) to keep it for this connection");
        }
        return new Kept.Usable(token ? Credentials.oauth2AccessToken(secret) : Credentials.password(secret));
    }

    /** Keeps the secret for {@code mailbox}'s account, bound to its connection security. */
    public void remember(MailboxSettings mailbox, Credentials credentials) throws StorageException, IOException {
        ISecurePreferences account = root.node(nodePath(mailbox));
        account.put(SECRET, credentials.secret(), true);
        account.put(KIND, credentials instanceof Credentials.OAuth2AccessToken ? OAUTH2 : PASSWORD, false);
        // Encrypted like the secret, so that whoever can write the store's file cannot rebind it without the master
        // password.
        account.put(SECURITY, mailbox.security().name(), true);
        account.put(PINNED, pin(mailbox), true);
        root.flush();
    }

    private static String pin(MailboxSettings mailbox) {
        return mailbox.trustedCertificateSha256().orElse("");
    }

    private static String words(String securityName, String pinned) {
        String mode;
        try {
            mode = Security.valueOf(securityName).words();
        } catch (IllegalArgumentException unknown) {
            mode = securityName.toLowerCase(Locale.ROOT);
        }
        return mode + (pinned.isEmpty() ? "" : " with the pinned certificate " + pinned);
    }

    public void forget(MailboxSettings mailbox) throws IOException {
        String node = nodePath(mailbox);
        if (root.nodeExists(node)) {
            root.node(node).removeNode();
            root.flush();
        }
    }

    /** Where the secrets are, in words for messages. */
    public String description() {
        return description;
    }

    // Slashes would split the node path; the encoding keeps one node per account.
    private static String nodePath(MailboxSettings mailbox) {
        return ROOT + "/" + EncodingUtils.encodeSlashes(mailbox.host().toLowerCase(Locale.ROOT) + ":" + mailbox.port()
                + ":" + mailbox.user());
    }
}
