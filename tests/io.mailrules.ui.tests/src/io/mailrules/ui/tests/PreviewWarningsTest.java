package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.mailrules.imap.Credentials;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.TestMessage;
import io.mailrules.tests.support.PreviewViewPage;
import io.mailrules.tests.support.RulesEditorPage;
import io.mailrules.tests.support.Wait;
import io.mailrules.tests.support.WorkbenchWindowPage;
import io.mailrules.ui.mail.CredentialsStore;
import io.mailrules.ui.mail.WorkbenchMail;

/**
 * Preview Run on a mailbox holding a message crafted against a rule's pattern: the preview finishes, lists the
 * other messages, and its warnings name the message it gave up on, which no rule touches.
 */
class PreviewWarningsTest {

    /** 50 KB on which {@code (a+)+$} tries every way of cutting the a's before it fails at the end. */
    private static final String CRAFTED = "a".repeat(50_000) + "!";

    @TempDir
    Path storage;

    private GreenMail greenMail;
    private RulesProject project;
    private RulesEditorPage editor;

    @BeforeEach
    void startServer() throws Exception {
        WorkbenchWindowPage.waitForWorkbench();
        greenMail = MailClient.withMailLoader(() -> {
            GreenMail server = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
            server.start();
            return server;
        });
        greenMail.setUser("ana@example.com", "ana", "secret");
        int port = greenMail.getImap().getPort();
        try (MailClient ana = new MailClient("127.0.0.1", port, "ana", "secret")) {
            ana.append("INBOX", TestMessage.of("Lead <lead@example.org>", "Spring campaign").withHeader("X-Campaign",
                    "aaaa"), TestMessage.of("Mallory <mallory@example.net>", "Crafted").withHeader("X-Campaign",
                            CRAFTED), TestMessage.of("Ben <ben@example.net>", "Lunch?"));
        }
        CredentialsStore store = CredentialsStore.open(storage.resolve("secure_storage"), "test master".toCharArray());
        store.remember(new MailboxSettings("sales", "127.0.0.1", port, Security.PLAIN, "ana", Optional.empty(),
                Optional.empty()), Credentials.password("secret"));
        WorkbenchMail.lookup(PreviewWarningsTest.class).useCredentials(store);
        project = RulesProject.create("hostile");
        IFile file = project.file("hostile.mailrules", """
                mailbox sales {
                    host "127.0.0.1" port %d plain insecure
                    user "ana"
                }

                rules routing for sales in "INBOX" {
                    rule campaigns when header "X-Campaign" matches "(a+)+$" then move to "Campaigns"
                }
                """.formatted(port));
        editor = RulesEditorPage.open(file);
    }

    @AfterEach
    void stopServer() throws Exception {
        editor.closeWithoutSaving();
        project.delete();
        greenMail.stop();
    }

    @Test
    void thePreviewWarnsAboutTheMessageAPatternGaveUpOnAndLeavesItOutOfThePlan() {
        editor.chooseContextMenuItem("Preview Run");
        PreviewViewPage preview = PreviewViewPage.waitForView();
        preview.waitForPreview();

        String warnings = preview.warnings();
        assertTrue(warnings.matches("(?s)Mailbox sales, folder INBOX, UID 2 \\(Message-ID <[^>]+>\\): rule"
                + " routing/campaigns could not decide it, its pattern \"\\(a\\+\\)\\+\\$\" on X-Campaign gave up: it"
                + " took longer than 1 s; the message is left alone \\(no action\\) in this run"), warnings);
        // The view keeps its filter from earlier previews.
        preview.filter("");
        Wait.until("the filter to clear", () -> !preview.messages().isEmpty());
        int subject = preview.column("Subject");
        assertEquals(List.of("Spring campaign"), preview.messages().stream().map(row -> row.get(subject)).toList());
    }
}
