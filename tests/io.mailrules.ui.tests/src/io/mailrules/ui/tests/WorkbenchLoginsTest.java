package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.core.source.CredentialsUnavailableException;
import io.mailrules.core.source.UnsupportedByServerException;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.logins.CredentialsFile;
import io.mailrules.logins.SecretSources;
import io.mailrules.ui.mail.CredentialsPrompt;
import io.mailrules.ui.mail.CredentialsStore;
import io.mailrules.ui.mail.WorkbenchLogins;

/** Where the workbench finds a mailbox's secret: secure storage, then the file's source, then the user. */
class WorkbenchLoginsTest {

    private static final Model RULES = TestRules.parse("""
            mailbox ana {
                host "imap.example.com" tls
                user "ana@example.com"
                password from env "ANA_PASSWORD"
            }
            mailbox bare {
                host "imap.example.com" tls
                user "bare@example.com"
            }
            mailbox lab {
                host "localhost" port 3143 plain insecure
                user "lab"
                password from env "ANA_PASSWORD"
            }
            mailbox unconfirmed {
                host "localhost" port 3143 plain
                user "lab"
                password from env "ANA_PASSWORD"
            }
            """);
    private static final String PIN = "ab".repeat(32);
    /** Ana's account as before (same host, port and user), with another connection security. */
    private static final Model ANA_STARTTLS = TestRules.parse("""
            mailbox ana {
                host "imap.example.com" port 993 starttls
                user "ana@example.com"
                password from env "ANA_PASSWORD"
            }
            """);
    private static final Model ANA_PINNED = TestRules.parse("""
            mailbox ana {
                host "imap.example.com" tls
                user "ana@example.com"
                password from env "ANA_PASSWORD"
                trust certificate "%s"
            }
            """.formatted(PIN));

    @TempDir
    Path directory;

    private CredentialsStore store;
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void openStore() throws Exception {
        store = CredentialsStore.open(directory.resolve("secure_storage"), "test master".toCharArray());
    }

    private WorkbenchLogins logins(Map<String, String> environment, Optional<CredentialsPrompt.Entered> answer) {
        return logins(RULES, environment, answer);
    }

    private WorkbenchLogins logins(Model rules, Map<String, String> environment,
            Optional<CredentialsPrompt.Entered> answer) {
        CredentialsPrompt prompt = (mailbox, token, reason) -> {
            asked.add(mailbox.name() + ": " + reason);
            return answer;
        };
        return new WorkbenchLogins(rules, store, new SecretSources(environment, directory,
                CredentialsFile.of(environment)), prompt, false);
    }

    @Test
    void secureStorageComesFirst() throws Exception {
        MailboxSettings ana = logins(Map.of(), Optional.empty()).settings("ana");
        store.remember(ana, Credentials.password("from storage"));
        MailboxLogin login = logins(Map.of("ANA_PASSWORD", "from env"), Optional.empty()).login("ana");
        assertEquals("from storage", login.credentials().secret());
        assertEquals(List.of(), asked);
    }

    @Test
    void theFilesSourceComesNextWithoutAsking() throws Exception {
        MailboxLogin login = logins(Map.of("ANA_PASSWORD", "from env"), Optional.empty()).login("ana");
        assertEquals("from env", login.credentials().secret());
        assertEquals("ana@example.com", login.settings().user());
        assertEquals(List.of(), asked);
    }

    @Test
    void theUserIsAskedWhyAndARememberedAnswerIsUsedNextTimeWithoutAsking() throws Exception {
        WorkbenchLogins logins = logins(Map.of(), Optional.of(new CredentialsPrompt.Entered("typed", true)));
        assertEquals("typed", logins.login("ana").credentials().secret());
        assertEquals(List.of("ana: environment variable ANA_PASSWORD is not set"), asked);

        assertEquals("typed", logins.login("ana").credentials().secret());
        assertEquals(1, asked.size(), "the second login found the password in secure storage");
        assertEquals(Optional.of(Credentials.password("typed")), store.find(logins.settings("ana")));
    }

    @Test
    void anAnswerNotToBeRememberedIsNotStored() throws Exception {
        WorkbenchLogins logins = logins(Map.of(), Optional.of(new CredentialsPrompt.Entered("once", false)));
        assertEquals("once", logins.login("bare").credentials().secret());
        assertEquals(List.of("bare: the rules file names no password source for this mailbox"), asked);
        assertEquals(Optional.empty(), store.find(logins.settings("bare")));
    }

    @Test
    void aCancelledQuestionFailsTheMailboxWithTheReason() {
        CredentialsUnavailableException failure = assertThrows(CredentialsUnavailableException.class,
                () -> logins(Map.of(), Optional.empty()).login("ana"));
        assertEquals("ana", failure.mailbox());
        assertEquals("Mailbox ana: no credentials: environment variable ANA_PASSWORD is not set; none was entered.",
                failure.getMessage());
    }

    @Test
    void storedSecretsAreKeptPerAccountNotPerName() throws Exception {
        WorkbenchLogins logins = logins(Map.of(), Optional.empty());
        store.remember(logins.settings("ana"), Credentials.password("ana's"));
        assertEquals(Optional.empty(), store.find(logins.settings("bare")));
        assertEquals(Optional.empty(), store.find(logins.settings("ana").withPort(143)));
    }

    @Test
    void aPlainMailboxIsRefusedWhenThePreferencesSaySoBeforeAnySecretIsLookedUp() throws Exception {
        WorkbenchLogins refusing = new WorkbenchLogins(RULES, store, new SecretSources(Map.of("ANA_PASSWORD", "x"),
                directory, CredentialsFile.of(Map.of())), (mailbox, token, reason) -> {
                    asked.add(reason);
                    return Optional.empty();
                }, true);
        UnsupportedByServerException refused = assertThrows(UnsupportedByServerException.class,
                () -> refusing.login("lab"));
        assertTrue(refused.getMessage().startsWith("Mailbox lab on localhost: "), refused.getMessage());
        assertEquals(List.of(), asked);
        assertEquals("x", refusing.login("ana").credentials().secret(), "encrypted mailboxes still log in");
    }

    @Test
    void aKeptPasswordIsNotSentOnceTheFileChangesTheTlsModeAndTheUserIsAskedWhy() throws Exception {
        MailboxSettings tls = logins(Map.of(), Optional.empty()).settings("ana");
        store.remember(tls, Credentials.password("s3cret-tls"));

        WorkbenchLogins changed = logins(ANA_STARTTLS, Map.of(), Optional.of(new CredentialsPrompt.Entered("typed",
                true)));
        assertEquals("typed", changed.login("ana").credentials().secret());
        assertEquals(List.of("ana: the password kept in secure storage " + directory.resolve("secure_storage")
                + " was kept for tls, and the mailbox now says starttls, so it is not sent; enter it again (Set"
                + " Credentials... in the Mailboxes view) to keep it for this connection; environment variable"
                + " ANA_PASSWORD is not set"), asked);

        // Remembered again, it is bound to the new security, and the old one no longer gets it.
        assertEquals(Optional.of(Credentials.password("typed")), store.find(changed.settings("ana")));
        assertEquals(Optional.empty(), store.find(tls));
    }

    @Test
    void aNewlyPinnedCertificateFailsAJobThatCannotAskWithAClearMessage() throws Exception {
        store.remember(logins(Map.of(), Optional.empty()).settings("ana"), Credentials.password("s3cret-tls"));
        WorkbenchLogins pinned = new WorkbenchLogins(ANA_PINNED, store, new SecretSources(Map.of(), directory,
                CredentialsFile.of(Map.of())), CredentialsPrompt.NOBODY, false);
        CredentialsUnavailableException failure = assertThrows(CredentialsUnavailableException.class,
                () -> pinned.login("ana"));
        assertEquals("Mailbox ana: no credentials: the password kept in secure storage "
                + directory.resolve("secure_storage") + " was kept for tls, and the mailbox now says tls with the"
                + " pinned certificate " + PIN + ", so it is not sent; enter it again (Set Credentials... in the"
                + " Mailboxes view) to keep it for this connection; environment variable ANA_PASSWORD is not set;"
                + " none was entered.", failure.getMessage());
        assertFalse(failure.getMessage().contains("kept for tls\""), "the password never appears");
    }

    @Test
    void theFilesOwnSourceStillServesAMailboxWhoseKeptPasswordIsWithheld() throws Exception {
        store.remember(logins(Map.of(), Optional.empty()).settings("ana"), Credentials.password("s3cret-tls"));
        MailboxLogin login = logins(ANA_STARTTLS, Map.of("ANA_PASSWORD", "from env"), Optional.empty()).login("ana");
        assertEquals("from env", login.credentials().secret());
        assertEquals(List.of(), asked);
    }

    @Test
    void aPasswordKeptBeforeTheBindingIsNotSentUntilEnteredAgain() throws Exception {
        Path file = directory.resolve("older_storage");
        ISecurePreferences preferences = SecurePreferencesFactory.open(file.toUri().toURL(), Map.of(
                IProviderHints.PROMPT_USER, Boolean.FALSE, IProviderHints.DEFAULT_PASSWORD,
                new PBEKeySpec("test master".toCharArray())));
        // What an earlier Mailrules kept: the secret and its kind only.
        ISecurePreferences account = preferences.node("io.mailrules/mailboxes/"
                + EncodingUtils.encodeSlashes("imap.example.com:993:ana@example.com"));
        account.put("secret", "kept long ago", true);
        account.put("kind", "password", false);
        store = new CredentialsStore(preferences, "older storage");

        WorkbenchLogins logins = logins(Map.of(), Optional.of(new CredentialsPrompt.Entered("typed", true)));
        assertEquals("typed", logins.login("ana").credentials().secret());
        assertEquals(List.of("ana: the password kept in older storage was kept before Mailrules recorded the"
                + " connection's security with it, so it is not sent; enter it again (Set Credentials... in the"
                + " Mailboxes view) to keep it for tls; environment variable ANA_PASSWORD is not set"), asked);
        assertEquals(Optional.of(Credentials.password("typed")), store.find(logins.settings("ana")));
    }

    @Test
    void plainWithoutInsecureIsRefusedBeforeStorageTheFilesSourceOrTheUser() throws Exception {
        WorkbenchLogins logins = logins(Map.of("ANA_PASSWORD", "x"), Optional.of(new CredentialsPrompt.Entered(
                "typed", true)));
        store.remember(logins.settings("unconfirmed"), Credentials.password("kept"));
        UnsupportedByServerException refused = assertThrows(UnsupportedByServerException.class,
                () -> logins.login("unconfirmed"));
        assertEquals("Mailbox unconfirmed on localhost: the mailbox says 'plain' without 'insecure', so its password"
                + " would cross the network unencrypted; nothing was sent. Write 'plain insecure' to confirm that, or"
                + " use tls or starttls.", refused.getMessage());
        assertEquals(List.of(), asked);
    }
}
