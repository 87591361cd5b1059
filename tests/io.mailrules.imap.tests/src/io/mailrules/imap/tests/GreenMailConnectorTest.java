package io.mailrules.imap.tests;

import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.TestMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.AuthenticationFailedException;
import io.mailrules.core.source.FolderNotFoundException;
import io.mailrules.core.source.HostUnreachableException;
import io.mailrules.core.source.MessageHeaders;
import io.mailrules.imap.BatchResult;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.FolderApplier;
import io.mailrules.imap.FolderCounts;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.ImapFolderReader;
import io.mailrules.imap.ImapMailbox;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.MailboxStatusReader;
import io.mailrules.imap.ProvisioningReport;
import io.mailrules.imap.Security;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector against GreenMail in process: connecting, login failures, folders, snapshots, header fetches, moves,
 * flag changes and provisioning. Search semantics are left to the Dovecot suite, since GreenMail's FROM is an exact
 * match where IMAP means a substring.
 */
class GreenMailConnectorTest {

    private static final String MAILBOX = "sdr1";

    private GreenMail greenMail;
    private MailboxSettings settings;
    private MailClient client;
    private final HostConnectionLimiter limiter = new HostConnectionLimiter(4);

    @BeforeEach
    void startServer() throws Exception {
        // Server threads inherit the context class loader, and GreenMail parses appended mail with Jakarta Mail.
        greenMail = MailClient.withMailLoader(() -> {
            GreenMail server = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
            server.start();
            return server;
        });
        greenMail.setUser("ana@example.com", "ana", "secret");
        int port = greenMail.getImap().getPort();
        settings = new MailboxSettings(MAILBOX, "127.0.0.1", port, Security.PLAIN, "ana", Optional.empty(),
                Optional.empty());
        client = new MailClient("127.0.0.1", port, "ana", "secret");
        client.append("INBOX",
                TestMessage.of("Ana <ana@example.org>", "Hello"),
                TestMessage.of("Bob <bob@example.net>", "Grüße aus Köln"),
                TestMessage.of("mailer-daemon@example.com", "Undelivered"));
    }

    @AfterEach
    void stopServer() throws Exception {
        client.close();
        greenMail.stop();
    }

    private ImapMailbox connect() throws Exception {
        return connect(ConnectorOptions.defaults());
    }

    private ImapMailbox connect(ConnectorOptions options) throws Exception {
        return new ImapConnector(options, limiter).connect(settings, Credentials.password("secret"));
    }

    @Test
    void connectsAndReadsCapabilitiesAndDelimiter() throws Exception {
        try (ImapMailbox mailbox = connect()) {
            assertTrue(mailbox.capabilities().move());
            assertTrue(mailbox.capabilities().uidPlus());
            assertFalse(mailbox.capabilities().esearch());
            assertEquals('.', mailbox.folderNames().delimiter());
            assertEquals("Replies.Positive", mailbox.folderNames().toServer("Replies/Positive"));
        }
        assertEquals(4, limiter.available("127.0.0.1"), "closing the session frees its connection slot");
    }

    @Test
    void statusReaderCountsMessagesWithoutSelectingAndReadsTheQuota() throws Exception {
        client.append("Archive", TestMessage.of("Ana <ana@example.org>", "Old"));
        try (ImapMailbox mailbox = connect()) {
            MailboxStatusReader reader = new MailboxStatusReader(mailbox);
            assertEquals(List.of(new FolderCounts("Archive", 1, 1), new FolderCounts("INBOX", 3, 3)),
                    reader.folderCounts());
            assertTrue(mailbox.capabilities().quota(), "GreenMail offers QUOTA");
            reader.quota().forEach(usage -> assertTrue(usage.limit() >= usage.usage(), usage::toString));
        }
    }

    @Test
    void wrongPasswordNamesMailboxHostAndUser() {
        AuthenticationFailedException failure = assertThrows(AuthenticationFailedException.class,
                () -> new ImapConnector(ConnectorOptions.defaults(), limiter).connect(settings,
                        Credentials.password("wrong")));
        assertTrue(failure.getMessage().startsWith("Mailbox sdr1: 127.0.0.1 rejected the login of ana"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("authentication failed"), failure.getMessage());
        assertFalse(failure.getMessage().contains("wrong"), "the secret must never appear in a message");
        assertEquals(4, limiter.available("127.0.0.1"));
    }

    @Test
    void closedPortIsReportedAsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HostUnreachableException failure = assertThrows(HostUnreachableException.class,
                () -> new ImapConnector(ConnectorOptions.defaults(), limiter).connect(settings.withPort(closedPort),
                        Credentials.password("secret")));
        assertEquals("Mailbox sdr1: cannot reach 127.0.0.1:" + closedPort
                + " (connection refused: no IMAP server listens there).", failure.getMessage());
    }

    @Test
    void hostLimitMakesASecondSessionWaitAndGiveUp() throws Exception {
        HostConnectionLimiter single = new HostConnectionLimiter(1);
        ConnectorOptions impatient = new ConnectorOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024,
                Duration.ofMillis(200));
        ImapConnector connector = new ImapConnector(impatient, single);
        try (ImapMailbox first = connector.connect(settings, Credentials.password("secret"))) {
            HostUnreachableException failure = assertThrows(HostUnreachableException.class,
                    () -> connector.connect(settings, Credentials.password("secret")));
            assertTrue(failure.getMessage().contains("all 1 connections to 127.0.0.1 stayed busy"),
                    failure.getMessage());
        }
        try (ImapMailbox again = connector.connect(settings, Credentials.password("secret"))) {
            assertEquals(0, single.available("127.0.0.1"));
        }
    }

    @Test
    void dryRunReadsSnapshotAndHeadersWithoutMarkingMailRead() throws Exception {
        try (ImapMailbox mailbox = connect(); ImapFolderReader inbox = mailbox.openReader("INBOX")) {
            FolderSnapshot snapshot = inbox.snapshot();
            UidSet all = inbox.search(SearchKey.all());
            assertEquals(3, all.size());
            assertTrue(snapshot.uidNext() > all.last(), "UIDNEXT lies beyond every present UID");
            List<MessageHeaders> headers = inbox.fetchHeaders(all, Set.of("From", "Subject", "Message-ID"));
            assertEquals(3, headers.size());
            MessageHeaders german = headers.stream().filter(h -> h.from().orElse("").contains("bob")).findFirst()
                    .orElseThrow();
            assertEquals(Optional.of("Grüße aus Köln"), german.subject(), "encoded words are decoded");
            assertTrue(german.messageId().orElseThrow().endsWith("@test>"));
            assertTrue(german.size() > 0);
            assertEquals(Flags.NONE, german.flags());
        }
        client.contents("INBOX").values().forEach(flags -> assertEquals(List.of(), flags,
                "a dry run must not set \\Seen"));
    }

    @Test
    void moveActsOnlyOnPlannedUidsStillPresentAndReportsTheRest() throws Exception {
        client.create("Replies");
        try (ImapMailbox mailbox = connect()) {
            FolderSnapshot snapshot;
            Map<String, Long> uids;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                uids = Uids.bySubject(inbox);
            }
            UidSet planned = Uids.of(uids, "Hello", "Undelivered").union(UidSet.of(999));
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                BatchResult result = applier.apply(Uids.batch(MAILBOX, snapshot, new BatchCommand.Move("Replies"),
                        planned));
                assertTrue(result.outcome().succeeded(), result.outcome().toString());
                assertEquals(Uids.of(uids, "Hello", "Undelivered"), result.acted());
                assertEquals(UidSet.of(999), result.skipped());
            }
        }
        assertEquals(Set.of("Grüße aus Köln"), client.contents("INBOX").keySet());
        assertEquals(Set.of("Hello", "Undelivered"), client.contents("Replies").keySet());
    }

    @Test
    void flagsAndKeywordsAreAddedAndRemoved() throws Exception {
        try (ImapMailbox mailbox = connect()) {
            FolderSnapshot snapshot;
            Map<String, Long> uids;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                uids = Uids.bySubject(inbox);
            }
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                UidSet two = Uids.of(uids, "Hello", "Undelivered");
                assertTrue(applier.apply(Uids.batch(MAILBOX, snapshot,
                        new BatchCommand.AddFlags(Flags.of("\\Flagged", "\\Seen", "$AutoReply")), two))
                        .outcome().succeeded());
                assertTrue(applier.apply(Uids.batch(MAILBOX, snapshot,
                        new BatchCommand.RemoveFlags(Flags.of("\\Seen")), Uids.of(uids, "Hello")))
                        .outcome().succeeded());
            }
        }
        Map<String, List<String>> inbox = client.contents("INBOX");
        assertEquals(List.of("$AutoReply", "\\Flagged"), inbox.get("Hello"));
        assertEquals(List.of("$AutoReply", "\\Flagged", "\\Seen"), inbox.get("Undelivered"));
        assertEquals(List.of(), inbox.get("Grüße aus Köln"));
    }

    @Test
    void longUidSetsAreSplitBelowTheLineLimit() throws Exception {
        TestMessage[] many = new TestMessage[150];
        for (int i = 0; i < many.length; i++) {
            many[i] = TestMessage.of("bulk@example.com", "Bulk " + i);
        }
        client.append("INBOX", many);
        try (ImapMailbox mailbox = connect(ConnectorOptions.defaults().withLineLimit(ConnectorOptions.MIN_LINE_LIMIT))) {
            FolderSnapshot snapshot;
            UidSet everyOther;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                UidSet.Builder odd = UidSet.builder();
                inbox.search(SearchKey.all()).stream().filter(uid -> uid % 2 == 1).forEach(odd::add);
                everyOther = odd.build();
            }
            assertTrue(everyOther.formattedLength() > ConnectorOptions.MIN_LINE_LIMIT - 40, "the set must need splitting");
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                BatchResult result = applier.apply(Uids.batch(MAILBOX, snapshot,
                        new BatchCommand.AddFlags(Flags.of("\\Flagged")), everyOther));
                assertEquals(everyOther, result.acted());
            }
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                assertEquals(everyOther, inbox.search(SearchKey.flagged()));
            }
        }
    }

    @Test
    void moveToMissingFolderFailsNamingMailboxAndFolderAndLeavesMailAlone() throws Exception {
        try (ImapMailbox mailbox = connect()) {
            FolderSnapshot snapshot;
            UidSet all;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                all = inbox.search(SearchKey.all());
            }
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                BatchResult result = applier.apply(Uids.batch(MAILBOX, snapshot, new BatchCommand.Move("Nowhere"),
                        all));
                assertFalse(result.outcome().succeeded());
                assertTrue(result.acted().isEmpty());
                String message = result.failure().orElseThrow().getMessage();
                assertTrue(message.startsWith("Mailbox sdr1 on 127.0.0.1"), message);
                assertTrue(message.contains("Nowhere"), message);
            }
        }
        assertEquals(3, client.contents("INBOX").size());
    }

    @Test
    void openingAMissingFolderNamesIt() throws Exception {
        try (ImapMailbox mailbox = connect()) {
            FolderNotFoundException failure = assertThrows(FolderNotFoundException.class,
                    () -> mailbox.openReader("Archive/2024"));
            assertEquals("Archive/2024", failure.folder());
            assertTrue(failure.getMessage().startsWith("Mailbox sdr1 on 127.0.0.1: folder \"Archive/2024\""),
                    failure.getMessage());
        }
    }

    @Test
    void provisioningCreatesMissingFoldersParentsFirstAndOnlyOnce() throws Exception {
        client.create("Bounces");
        try (ImapMailbox mailbox = connect()) {
            ProvisioningReport report = mailbox.provision(List.of("Replies/Positive", "Bounces", "INBOX"));
            assertEquals(List.of("Replies", "Replies/Positive"), report.created());
            assertEquals(List.of("Bounces", "INBOX"), report.alreadyPresent());
            assertEquals(List.of(), mailbox.provision(List.of("Replies/Positive")).created());
        }
        assertTrue(client.exists("Replies.Positive"));
    }

    @Test
    void withoutSpecialUseTheTrashFolderMustBeConfigured() throws Exception {
        try (ImapMailbox mailbox = connect()) {
            FolderNotFoundException failure = assertThrows(FolderNotFoundException.class, mailbox::trashFolder);
            assertTrue(failure.getMessage().contains("set the mailbox's trash folder"), failure.getMessage());
        }
        settings = settings.withTrashFolder("Deleted Items");
        try (ImapMailbox mailbox = connect()) {
            assertEquals("Deleted Items", mailbox.trashFolder());
        }
    }

    @Test
    void failuresAreMailboxExceptionsThatSayWhetherTheConnectionIsAtFault() throws Exception {
        AuthenticationFailedException auth = assertThrows(AuthenticationFailedException.class,
                () -> new ImapConnector(ConnectorOptions.defaults(), limiter).connect(settings,
                        Credentials.password("nope")));
        assertInstanceOf(io.mailrules.core.source.MailboxException.class, auth);
        assertTrue(auth.isConnectionProblem());
        assertEquals(MAILBOX, auth.mailbox());
    }
}
