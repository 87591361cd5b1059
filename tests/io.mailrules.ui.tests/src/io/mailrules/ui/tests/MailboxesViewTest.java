package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.mailrules.core.account.MailboxAccount;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunJournalWriter;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;
import io.mailrules.imap.testsupport.FaultProxy;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.TestMessage;
import io.mailrules.tests.support.CredentialsDialogPage;
import io.mailrules.tests.support.MailboxesViewPage;
import io.mailrules.tests.support.ShellPage;
import io.mailrules.tests.support.Wait;
import io.mailrules.tests.support.WorkbenchWindowPage;
import io.mailrules.ui.mail.CredentialsDialog;
import io.mailrules.ui.mail.CredentialsStore;
import io.mailrules.ui.mail.MailJobs;
import io.mailrules.ui.mail.WorkbenchMail;
import io.mailrules.ui.preferences.MailPreferences;

/**
 * The Mailboxes view against a GreenMail server the test starts: Test Connection asks for a missing password once,
 * keeps it in (a test's own) secure storage and shows status, folder counts and quota; a wrong password and an
 * unreachable host show in their rows, naming the mailbox.
 */
class MailboxesViewTest {

    // Each test has a project of its own, so that no row carries over what an earlier test found.
    private static final AtomicInteger PROJECTS = new AtomicInteger();
    private static final String NO_SUCH_VARIABLE = "MAILRULES_UI_TEST_UNSET_PASSWORD";
    private static final Instant OFFLINE_RUN_STARTED = Instant.parse("2026-11-02T09:30:00Z");

    @TempDir
    Path storage;

    private GreenMail greenMail;
    private int port;
    private int closedPort;
    private CredentialsStore store;
    private RulesProject project;
    private MailboxesViewPage view;
    private final AtomicInteger mailJobsDone = new AtomicInteger();
    private final IJobChangeListener countMailJobs = new JobChangeAdapter() {
        @Override
        public void done(IJobChangeEvent event) {
            if (event.getJob().belongsTo(MailJobs.FAMILY)) {
                mailJobsDone.incrementAndGet();
            }
        }
    };

    @BeforeEach
    void startServerAndOpenView() throws Exception {
        WorkbenchWindowPage.waitForWorkbench();
        greenMail = MailClient.withMailLoader(() -> {
            GreenMail server = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
            server.start();
            return server;
        });
        greenMail.setUser("ana@example.com", "ana", "secret");
        greenMail.setUser("bob@example.com", "bob", "right");
        port = greenMail.getImap().getPort();
        try (MailClient ana = new MailClient("127.0.0.1", port, "ana", "secret")) {
            ana.append("INBOX", TestMessage.of("Lead <lead@example.org>", "Quote please"),
                    TestMessage.of("Ben <ben@example.net>", "Re: offer"),
                    TestMessage.of("mailer-daemon@example.com", "Undelivered"));
            ana.append("Archive", TestMessage.of("Old <old@example.org>", "Last year"));
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        store = CredentialsStore.open(storage.resolve("secure_storage"), "test master password".toCharArray());
        WorkbenchMail.lookup(MailboxesViewTest.class).useCredentials(store);
        Job.getJobManager().addJobChangeListener(countMailJobs);
        // an empty journal of the test's own, so that no run of the machine's user shows up
        InstanceScope.INSTANCE.getNode(MailPreferences.NODE).put(MailPreferences.JOURNAL_DIRECTORY,
                storage.resolve("journal").toString());
        journalCompletedRun("offline", new MailboxAccount("127.0.0.1", closedPort, "cho"), OFFLINE_RUN_STARTED);
        // Another file's mailbox of the same name, on another account: not this mailbox's last run.
        journalCompletedRun("offline", new MailboxAccount("imap.example.com", 993, "cho"),
                OFFLINE_RUN_STARTED.plusSeconds(3600));

        project = RulesProject.create("fleet-" + PROJECTS.incrementAndGet());
        project.file("fleet.mailrules", """
                mailbox sales {
                    host "127.0.0.1" port %1$d plain insecure
                    user "ana"
                    password from env "%3$s"
                }
                mailbox wrong {
                    host "127.0.0.1" port %1$d plain insecure
                    user "bob"
                    password from env "%3$s"
                }
                mailbox offline {
                    host "127.0.0.1" port %2$d plain insecure
                    user "cho"
                    password from env "%3$s"
                }
                """.formatted(port, closedPort, NO_SUCH_VARIABLE));
        view = MailboxesViewPage.show();
    }

    @AfterEach
    void stopServer() throws Exception {
        Job.getJobManager().removeJobChangeListener(countMailJobs);
        InstanceScope.INSTANCE.getNode(MailPreferences.NODE).remove(MailPreferences.JOURNAL_DIRECTORY);
        project.delete();
        greenMail.stop();
    }

    private MailboxSettings settings(String user, int serverPort) {
        return new MailboxSettings("any", "127.0.0.1", serverPort, Security.PLAIN, user, Optional.empty(),
                Optional.empty());
    }

    private static void journalCompletedRun(String mailbox, MailboxAccount account, Instant startedAt)
            throws IOException {
        JournalStore journals = WorkbenchMail.lookup(MailboxesViewTest.class).journals();
        RunHeader header = new RunHeader(RunId.startedAt(startedAt, UUID.randomUUID()), new PlanId("test-plan"),
                "fleet.mailrules", List.of(mailbox), startedAt, RunKind.RUN, Optional.empty(),
                Map.of(mailbox, account.key()));
        try (RunJournalWriter run = journals.open(header)) {
            run.finish(RunStatus.COMPLETED, startedAt.plusSeconds(5));
        }
    }

    private static boolean tested(Map<String, String> row) {
        return !row.get("Status").equals("not tested") && !row.get("Status").equals("testing...");
    }

    @Test
    void testConnectionAsksOnceKeepsThePasswordAndShowsTheMailbox() throws Exception {
        Map<String, String> before = view.waitForRow("sales", "listed", row -> true);
        assertEquals("not tested", before.get("Status"));
        assertEquals("ana @ 127.0.0.1:" + port + " (plain)", before.get("Server"));
        assertEquals("/" + project.project().getName() + "/fleet.mailrules", before.get("File"));
        assertEquals("none", before.get("Last run"));

        view.select("sales");
        view.testConnection();
        CredentialsDialogPage dialog = CredentialsDialogPage.waitForDialog();
        assertEquals("ana", dialog.user());
        assertTrue(dialog.remembers(), "remembering is the default");
        assertTrue(dialog.texts().stream().anyMatch(text -> text.strip().equals("environment variable "
                + NO_SUCH_VARIABLE + " is not set")), dialog.texts()::toString);
        dialog.screenshot(Screenshots.file("credentials-dialog.png"));
        dialog.enterPassword("secret");

        Map<String, String> row = view.waitForRow("sales", "connected", r -> r.get("Status").startsWith("connected"));
        assertEquals("INBOX 3 (3 unseen), Archive 1 (1 unseen)", row.get("Folders"));
        assertTrue((" " + row.get("Capabilities") + " ").contains(" IMAP4REV1 "), row.get("Capabilities"));
        assertFalse(row.get("Quota").isEmpty(), "GreenMail offers QUOTA, so the quota column says what it found");
        assertFalse(view.isShownAsFailed("sales"));
        assertEquals(Optional.of(Credentials.password("secret")), store.find(settings("ana", port)));
        WorkbenchWindowPage.waitForWorkbench().screenshot(Screenshots.file("mailboxes-view.png"));

        int testsBefore = mailJobsDone.get();
        view.testConnection();
        Wait.until("the second test to finish", () -> mailJobsDone.get() > testsBefore);
        assertFalse(ShellPage.isOpen(CredentialsDialog.TITLE), "the stored password was used without asking");
        assertTrue(view.waitForRow("sales", "connected", r -> true).get("Status").startsWith("connected"));
    }

    @Test
    void aWrongPasswordAndAnUnreachableHostShowInTheirRowsNamingTheMailbox() throws Exception {
        store.remember(settings("bob", port), Credentials.password("not bob's"));
        store.remember(settings("cho", closedPort), Credentials.password("whatever"));

        view.waitForRow("wrong", "listed", row -> true);
        view.select("wrong");
        view.testConnection();
        Map<String, String> wrong = view.waitForRow("wrong", "tested", MailboxesViewTest::tested);
        assertTrue(wrong.get("Status").startsWith("Mailbox wrong: 127.0.0.1 rejected the login of bob"),
                wrong.get("Status"));
        assertFalse(wrong.get("Status").contains("not bob's"), "the password never appears");
        assertTrue(view.isShownAsFailed("wrong"));

        view.select("offline");
        view.testConnection();
        Map<String, String> offline = view.waitForRow("offline", "tested", MailboxesViewTest::tested);
        assertEquals("Mailbox offline: cannot reach 127.0.0.1:" + closedPort
                + " (connection refused: no IMAP server listens there).", offline.get("Status"));
        assertEquals("", offline.get("Folders"));
        String started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault())
                .format(OFFLINE_RUN_STARTED);
        assertEquals(started + " run completed: 0 batches done", offline.get("Last run"));
        WorkbenchWindowPage.waitForWorkbench().screenshot(Screenshots.file("mailboxes-view-errors.png"));
    }

    @Test
    void setCredentialsReplacesAWrongStoredPasswordSoTheNextTestConnects() throws Exception {
        store.remember(settings("bob", port), Credentials.password("not bob's"));
        view.waitForRow("wrong", "listed", row -> true);
        view.select("wrong");
        view.setCredentials();
        CredentialsDialogPage dialog = CredentialsDialogPage.waitForDialog();
        assertEquals("bob", dialog.user());
        dialog.enterPassword("right");
        assertEquals(Optional.of(Credentials.password("right")), store.find(settings("bob", port)));

        view.testConnection();
        Map<String, String> wrong = view.waitForRow("wrong", "tested", MailboxesViewTest::tested);
        assertTrue(wrong.get("Status").startsWith("connected"), wrong.get("Status"));
        assertEquals("INBOX 0", wrong.get("Folders"));
    }

    @Test
    void testConnectionOfPlainWithoutInsecureSendsNothingAndSaysWhy() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(port)) {
            project.file("lab.mailrules", """
                    mailbox unconfirmed {
                        host "127.0.0.1" port %d plain
                        user "ana"
                        password from env "%s"
                    }
                    """.formatted(proxy.port(), NO_SUCH_VARIABLE));
            Map<String, String> before = view.waitForRow("unconfirmed", "listed", row -> true);
            assertEquals("ana @ 127.0.0.1:" + proxy.port() + " (plain, not confirmed with 'insecure')",
                    before.get("Server"));

            view.select("unconfirmed");
            view.testConnection();
            Map<String, String> row = view.waitForRow("unconfirmed", "tested", MailboxesViewTest::tested);
            assertEquals("Mailbox unconfirmed on 127.0.0.1: the mailbox says 'plain' without 'insecure', so its"
                    + " password would cross the network unencrypted; nothing was sent. Write 'plain insecure' to"
                    + " confirm that, or use tls or starttls.", row.get("Status"));
            assertTrue(view.isShownAsFailed("unconfirmed"));
            assertFalse(ShellPage.isOpen(CredentialsDialog.TITLE), "nobody was asked for a password");
            assertEquals(0, proxy.connections(), "nothing reached the server");
        }
    }

    @Test
    void testConnectionAsksAgainForAPasswordKeptForAnotherConnectionSecurity() throws Exception {
        // The same account (host, port, user) kept its password when the file still said tls.
        store.remember(settings("ana", port).withSecurity(Security.TLS), Credentials.password("secret"));

        view.waitForRow("sales", "listed", row -> true);
        view.select("sales");
        view.testConnection();
        CredentialsDialogPage dialog = CredentialsDialogPage.waitForDialog();
        assertTrue(dialog.texts().stream().anyMatch(text -> text.contains("was kept for tls, and the mailbox now"
                + " says plain, so it is not sent")), dialog.texts()::toString);
        dialog.enterPassword("secret");

        Map<String, String> row = view.waitForRow("sales", "connected", r -> r.get("Status").startsWith("connected"));
        assertEquals("INBOX 3 (3 unseen), Archive 1 (1 unseen)", row.get("Folders"));
        assertEquals(Optional.of(Credentials.password("secret")), store.find(settings("ana", port)),
                "kept again, now for plain");
        assertEquals(Optional.empty(), store.find(settings("ana", port).withSecurity(Security.TLS)));
    }
}
