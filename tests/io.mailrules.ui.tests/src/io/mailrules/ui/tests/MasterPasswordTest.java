package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.imap.Credentials;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.tests.support.Keyboard;
import io.mailrules.tests.support.ShellPage;
import io.mailrules.ui.mail.CredentialsStore;
import io.mailrules.ui.mail.MasterPasswordProvider;

/**
 * A secure storage opened without a given password, as the user's default one is, asks for a new master password
 * (twice) the first time a secret is stored, and keeps the secret encrypted.
 */
class MasterPasswordTest {

    private static final String SECRET = "correct horse battery staple";

    @TempDir
    Path directory;

    @Test
    void storingTheFirstSecretAsksForAMasterPasswordTwiceAndEncryptsIt() throws Exception {
        Path file = directory.resolve("secure_storage");
        ISecurePreferences preferences = SecurePreferencesFactory.open(file.toUri().toURL(), null);
        CredentialsStore store = new CredentialsStore(preferences, "a test's secure storage");
        MailboxSettings mailbox = MailboxSettings.tls("ana", "imap.example.com", "ana@example.com");

        // Stored off the UI thread, as a job does, so that this thread can answer the dialogs.
        CompletableFuture<Void> stored = CompletableFuture.runAsync(() -> {
            try {
                store.remember(mailbox, Credentials.password(SECRET));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        answer("master of mail");
        answer("master of mail");
        stored.get(20, TimeUnit.SECONDS);

        assertEquals(Optional.of(Credentials.password(SECRET)), store.find(mailbox));
        String onDisk = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertFalse(onDisk.contains(SECRET), "the password is encrypted on disk");
    }

    private static void answer(String masterPassword) {
        ShellPage dialog = ShellPage.waitFor(MasterPasswordProvider.TITLE);
        dialog.activate();
        Keyboard.typeText(masterPassword);
        Keyboard.enter();
        dialog.waitUntilClosed();
    }
}
