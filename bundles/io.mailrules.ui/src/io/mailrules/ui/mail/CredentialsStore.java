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

/**
 * Mailbox secrets in Equinox secure storage, encrypted, one node per account: host, port and user name it, so two
 * rules files naming the same account share its password while the file itself never holds one.
 */
public final class CredentialsStore {

    private static final String ROOT = "io.mailrules/mailboxes";
    private static final String SECRET = "secret";
    private static final String KIND = "kind";
    private static final String OAUTH2 = "oauth2";
    private static final String PASSWORD = "password";

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

    /** @throws StorageException when the store cannot be decrypted (e.g. no master password was given) */
    public Optional<Credentials> find(MailboxSettings mailbox) throws StorageException {
        String node = nodePath(mailbox);
        if (!root.nodeExists(node)) {
            return Optional.empty();
        }
        ISecurePreferences account = root.node(node);
        String secret = account.get(SECRET, null);
        if (secret == null) {
            return Optional.empty();
        }
        return Optional.of(OAUTH2.equals(account.get(KIND, PASSWORD)) ? Credentials.oauth2AccessToken(secret)
                : Credentials.password(secret));
    }

    public void remember(MailboxSettings mailbox, Credentials credentials) throws StorageException, IOException {
        ISecurePreferences account = root.node(nodePath(mailbox));
        account.put(SECRET, credentials.secret(), true);
        account.put(KIND, credentials instanceof Credentials.OAuth2AccessToken ? OAUTH2 : PASSWORD, false);
        root.flush();
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
