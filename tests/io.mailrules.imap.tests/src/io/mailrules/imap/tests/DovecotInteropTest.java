package io.mailrules.imap.tests;

import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.TestMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.UidMapping;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.AuthenticationFailedException;
import io.mailrules.core.source.SnapshotChangedException;
import io.mailrules.core.source.UntrustedCertificateException;
import io.mailrules.imap.BatchResult;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.FolderApplier;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.ImapFolderReader;
import io.mailrules.imap.ImapMailbox;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.ProvisioningReport;
import io.mailrules.imap.Security;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a real, private Dovecot 2.3 with MOVE, UIDPLUS, CONDSTORE, ESEARCH and SPECIAL-USE. */
class DovecotInteropTest {

    private static DovecotServer server;

    private final HostConnectionLimiter limiter = new HostConnectionLimiter(8);
    private String user;
    private String mailboxName;
    private MailboxSettings plain;

    @BeforeAll
    static void startDovecot() throws Exception {
        server = DovecotServer.start("full", DovecotServer.Variant.FULL);
    }

    @AfterAll
    static void stopDovecot() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshMailbox() throws Exception {
        user = server.freshUser();
        mailboxName = "sdr-" + user;
        plain = new MailboxSettings(mailboxName, "127.0.0.1", server.imapPort(), Security.PLAIN, user,
                Optional.empty(), Optional.empty());
        try (MailClient client = client()) {
            client.append("INBOX",
                    TestMessage.of("Ana Lima <ana@example.org>", "Out of Office: back Monday")
                            .withHeader("Auto-Submitted", "auto-replied").receivedAt(Instant.parse("2023-03-01T10:00:00Z")),
                    TestMessage.of("Bob <bob@customer.example.org>", "Re: pricing")
                            .receivedAt(Instant.parse("2024-06-01T10:00:00Z")),
                    TestMessage.of("MAILER-DAEMON@mx.example.net", "Undelivered Mail Returned to Sender")
                            .receivedAt(Instant.parse("2024-06-02T10:00:00Z")),
                    TestMessage.of("Jürgen <j@example.de>", "Grüße aus Köln")
                            .receivedAt(Instant.parse("2024-06-03T10:00:00Z")));
        }
    }

    private MailClient client() throws Exception {
        return new MailClient("127.0.0.1", server.imapPort(), user, DovecotServer.PASSWORD);
    }

    private ImapMailbox connect(MailboxSettings settings) throws Exception {
        return new ImapConnector(ConnectorOptions.defaults(), limiter).connect(settings,
                Credentials.password(DovecotServer.PASSWORD));
    }

    @Test
    void announcesTheExtensionsTheConnectorUses() throws Exception {
        try (ImapMailbox mailbox = connect(plain); ImapFolderReader inbox = mailbox.openReader("INBOX")) {
            var capabilities = mailbox.capabilities();
            assertTrue(capabilities.move() && capabilities.uidPlus() && capabilities.condStore()
                    && capabilities.qresync() && capabilities.esearch() && capabilities.specialUse()
                    && capabilities.literalPlus(), capabilities.names().toString());
            assertEquals('/', mailbox.folderNames().delimiter());
            FolderSnapshot snapshot = inbox.snapshot();
            assertTrue(snapshot.highestModSeq().isPresent(), "CONDSTORE gives HIGHESTMODSEQ");
            assertEquals(5, snapshot.uidNext());
        }
    }

    @Test
    void searchMatchesSubstringsCaseInsensitivelyOnTheServer() throws Exception {
        try (ImapMailbox mailbox = connect(plain); ImapFolderReader inbox = mailbox.openReader("INBOX")) {
            Map<String, Long> uids = Uids.bySubject(inbox);
            assertEquals(Uids.of(uids, "Out of Office: back Monday", "Re: pricing"),
                    inbox.search(new SearchKey.From("example.org")));
            assertEquals(Uids.of(uids, "Undelivered Mail Returned to Sender"),
                    inbox.search(new SearchKey.From("mailer-daemon")));
            assertEquals(Uids.of(uids, "Out of Office: back Monday"),
                    inbox.search(new SearchKey.Subject("out of office")));
            assertEquals(Uids.of(uids, "Out of Office: back Monday"),
                    inbox.search(new SearchKey.Header("Auto-Submitted", "")));
            assertEquals(Uids.of(uids, "Grüße aus Köln"), inbox.search(new SearchKey.Subject("grüße")));
            assertEquals(Uids.of(uids, "Grüße aus Köln"), inbox.search(new SearchKey.From("Jürgen")));
            assertEquals(Uids.of(uids, "Out of Office: back Monday"),
                    inbox.search(new SearchKey.Before(LocalDate.of(2024, 1, 1))));
            assertEquals(Uids.of(uids, "Re: pricing", "Undelivered Mail Returned to Sender"),
                    inbox.search(SearchKey.and(new SearchKey.Since(LocalDate.of(2024, 1, 1)),
                            SearchKey.not(new SearchKey.Subject("Köln")))));
            assertEquals(Uids.of(uids, "Undelivered Mail Returned to Sender", "Out of Office: back Monday"),
                    inbox.search(SearchKey.or(new SearchKey.From("mailer-daemon"),
                            SearchKey.and(new SearchKey.Header("Auto-Submitted", "auto"), SearchKey.unseen()))));
            assertEquals(UidSet.empty(), inbox.search(new SearchKey.Subject("no such words")));
        }
    }

    @Test
    void moveCapturesTheCopyUidMappingAndSkipsVanishedMessages() throws Exception {
        try (ImapMailbox mailbox = connect(plain)) {
            mailbox.provision(List.of("Replies"));
            FolderSnapshot snapshot;
            Map<String, Long> uids;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                uids = Uids.bySubject(inbox);
            }
            UidSet moved = Uids.of(uids, "Re: pricing", "Out of Office: back Monday");
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                BatchResult result = applier.apply(Uids.batch(mailboxName, snapshot,
                        new BatchCommand.Move("Replies"), moved.union(UidSet.of(77))));
                assertEquals(moved, result.acted());
                assertEquals(UidSet.of(77), result.skipped());
                UidMapping mapping = ((io.mailrules.core.run.BatchOutcome.Done) result.outcome()).copyUid()
                        .orElseThrow();
                assertEquals(moved, mapping.sources());
                assertEquals(UidSet.of(1, 2), mapping.targets());
            }
        }
        try (MailClient client = client()) {
            assertEquals(Set.of("Re: pricing", "Out of Office: back Monday"), client.contents("Replies").keySet());
            assertEquals(Set.of("Undelivered Mail Returned to Sender", "Grüße aus Köln"),
                    client.contents("INBOX").keySet());
        }
    }

    @Test
    void copyLeavesTheOriginal() throws Exception {
        try (ImapMailbox mailbox = connect(plain)) {
            mailbox.provision(List.of("Archive/2024"));
            FolderSnapshot snapshot;
            Map<String, Long> uids;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                uids = Uids.bySubject(inbox);
            }
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                BatchResult result = applier.apply(Uids.batch(mailboxName, snapshot,
                        new BatchCommand.Copy("Archive/2024"), Uids.of(uids, "Re: pricing")));
                assertTrue(result.outcome().succeeded());
            }
        }
        try (MailClient client = client()) {
            assertEquals(Set.of("Re: pricing"), client.contents("Archive/2024").keySet());
            assertEquals(4, client.contents("INBOX").size());
        }
    }

    @Test
    void deleteMovesToTheSpecialUseTrash() throws Exception {
        try (ImapMailbox mailbox = connect(plain)) {
            String trash = mailbox.trashFolder();
            assertEquals("Trash", trash);
            FolderSnapshot snapshot;
            Map<String, Long> uids;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                uids = Uids.bySubject(inbox);
            }
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                assertTrue(applier.apply(Uids.batch(mailboxName, snapshot, new BatchCommand.Move(trash),
                        Uids.of(uids, "Undelivered Mail Returned to Sender"))).outcome().succeeded());
            }
        }
        try (MailClient client = client()) {
            assertEquals(Set.of("Undelivered Mail Returned to Sender"), client.contents("Trash").keySet());
            assertEquals(3, client.contents("INBOX").size());
        }
    }

    @Test
    void expungeRemovesExactlyThePlannedMessagesNotOthersMarkedDeleted() throws Exception {
        try (MailClient client = client()) {
            client.markDeleted("INBOX", "Grüße aus Köln");
        }
        try (ImapMailbox mailbox = connect(plain)) {
            FolderSnapshot snapshot;
            Map<String, Long> uids;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                uids = Uids.bySubject(inbox);
            }
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                assertTrue(applier.apply(Uids.batch(mailboxName, snapshot, new BatchCommand.Expunge(),
                        Uids.of(uids, "Out of Office: back Monday"))).outcome().succeeded());
            }
        }
        try (MailClient client = client()) {
            Map<String, List<String>> inbox = client.contents("INBOX");
            assertEquals(Set.of("Re: pricing", "Undelivered Mail Returned to Sender", "Grüße aus Köln"),
                    inbox.keySet());
            assertEquals(List.of("\\Deleted"), inbox.get("Grüße aus Köln"), "another client's mark stays as it was");
        }
    }

    @Test
    void flagsAndKeywordsChangeOnlyThePlannedMessages() throws Exception {
        try (ImapMailbox mailbox = connect(plain)) {
            FolderSnapshot snapshot;
            Map<String, Long> uids;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                uids = Uids.bySubject(inbox);
            }
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                List<BatchResult> results = applier.applyAll(List.of(
                        Uids.batch(mailboxName, snapshot, new BatchCommand.AddFlags(Flags.of("\\Flagged",
                                "\\Seen", "$AutoReply")), Uids.of(uids, "Re: pricing", "Out of Office: back Monday")),
                        Uids.batch(mailboxName, snapshot, new BatchCommand.RemoveFlags(Flags.of("\\Seen",
                                "$AutoReply")), Uids.of(uids, "Re: pricing"))));
                assertTrue(results.stream().allMatch(result -> result.outcome().succeeded()));
            }
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                assertEquals(Uids.of(uids, "Out of Office: back Monday"),
                        inbox.search(new SearchKey.Keyword("$AutoReply")));
            }
        }
        try (MailClient client = client()) {
            Map<String, List<String>> inbox = client.contents("INBOX");
            assertEquals(List.of("$AutoReply", "\\Flagged", "\\Seen"), inbox.get("Out of Office: back Monday"));
            assertEquals(List.of("\\Flagged"), inbox.get("Re: pricing"));
            assertEquals(List.of(), inbox.get("Grüße aus Köln"));
        }
    }

    @Test
    void provisioningCreatesAndSubscribesMissingLayoutFolders() throws Exception {
        try (ImapMailbox mailbox = connect(plain)) {
            ProvisioningReport report = mailbox.provision(List.of("Replies/Positive", "Replies/Negative", "Trash"));
            assertEquals(List.of("Replies", "Replies/Positive", "Replies/Negative"), report.created());
            assertEquals(List.of("Trash"), report.alreadyPresent());
            assertTrue(mailbox.listFolders().containsKey("Replies/Negative"));
        }
        try (MailClient client = client()) {
            assertTrue(client.exists("Replies/Positive"));
        }
    }

    @Test
    void applyingToARenumberedFolderIsRefusedAndTouchesNothing() throws Exception {
        try (ImapMailbox mailbox = connect(plain)) {
            mailbox.provision(List.of("Sales"));
            try (MailClient client = client()) {
                client.append("Sales", TestMessage.of("a@example.com", "Lead 1"));
            }
            FolderSnapshot planned;
            UidSet uids;
            try (ImapFolderReader sales = mailbox.openReader("Sales")) {
                planned = sales.snapshot();
                uids = sales.search(SearchKey.all());
            }
            try (MailClient client = client()) {
                client.recreate("Sales", TestMessage.of("b@example.com", "Lead 2"));
            }
            SnapshotChangedException failure = assertThrows(SnapshotChangedException.class,
                    () -> mailbox.openApplier(planned));
            assertTrue(failure.getMessage().startsWith("Mailbox " + mailboxName + " on 127.0.0.1: folder \"Sales\""
                    + " was renumbered since the plan was made"), failure.getMessage());
            assertEquals(1, uids.size());
        }
        try (MailClient client = client()) {
            assertEquals(Map.of("Lead 2", List.of()), client.contents("Sales"));
        }
    }

    @Test
    void tlsWithThePinnedSelfSignedCertificateConnects() throws Exception {
        MailboxSettings pinned = plain.withPort(server.imapsPort()).withSecurity(Security.TLS)
                .withTrustedCertificate(server.certificateSha256());
        try (ImapMailbox mailbox = connect(pinned); ImapFolderReader inbox = mailbox.openReader("INBOX")) {
            assertEquals(4, inbox.search(SearchKey.all()).size());
        }
    }

    @Test
    void starttlsWithThePinnedCertificateConnects() throws Exception {
        MailboxSettings starttls = plain.withSecurity(Security.STARTTLS)
                .withTrustedCertificate(server.certificateSha256());
        try (ImapMailbox mailbox = connect(starttls)) {
            assertTrue(mailbox.capabilities().move());
        }
    }

    @Test
    void untrustedSelfSignedCertificateIsRefusedShowingItsFingerprint() {
        MailboxSettings untrusted = plain.withPort(server.imapsPort()).withSecurity(Security.TLS);
        UntrustedCertificateException failure = assertThrows(UntrustedCertificateException.class,
                () -> connect(untrusted));
        assertEquals(Optional.of(server.certificateSha256()), failure.presentedSha256());
        assertTrue(failure.getMessage().startsWith("Mailbox " + mailboxName
                + ": the TLS certificate of 127.0.0.1 is not trusted"), failure.getMessage());
        assertTrue(failure.getMessage().contains(server.certificateSha256()), failure.getMessage());
        assertTrue(failure.getMessage().contains("trusted certificate fingerprint"), failure.getMessage());
    }

    @Test
    void aPinForAnotherCertificateIsRefused() {
        MailboxSettings wrongPin = plain.withPort(server.imapsPort()).withSecurity(Security.TLS)
                .withTrustedCertificate("00".repeat(32));
        UntrustedCertificateException failure = assertThrows(UntrustedCertificateException.class,
                () -> connect(wrongPin));
        assertTrue(failure.getMessage().contains(server.certificateSha256()), failure.getMessage());
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() {
        AuthenticationFailedException failure = assertThrows(AuthenticationFailedException.class,
                () -> new ImapConnector(ConnectorOptions.defaults(), limiter).connect(plain,
                        Credentials.password("not-it")));
        assertTrue(failure.getMessage().startsWith("Mailbox " + mailboxName + ": 127.0.0.1 rejected the login of "
                + user), failure.getMessage());
        assertFalse(failure.getMessage().contains("not-it"));
    }

    @Test
    void aSearchAmongASparseSetIsSplitBelowTheLineLimitAndAnswersAsTheWholeFolderSearchWould() throws Exception {
        TestMessage[] bulk = new TestMessage[200];
        for (int i = 0; i < bulk.length; i++) {
            bulk[i] = TestMessage.of("sales@example.com", (i % 3 == 0 ? "Offer " : "Update ") + i);
        }
        try (MailClient client = client()) {
            client.append("INBOX", bulk);
        }
        ConnectorOptions shortLines = ConnectorOptions.defaults().withLineLimit(ConnectorOptions.MIN_LINE_LIMIT);
        try (ImapMailbox mailbox = new ImapConnector(shortLines, limiter).connect(plain,
                Credentials.password(DovecotServer.PASSWORD));
                ImapFolderReader inbox = mailbox.openReader("INBOX")) {
            UidSet.Builder builder = UidSet.builder();
            inbox.search(new SearchKey.From("sales@")).stream().filter(uid -> uid % 2 == 1).forEach(builder::add);
            UidSet odd = builder.build();
            assertTrue(odd.formattedLength() > ConnectorOptions.MIN_LINE_LIMIT, "the set must need splitting");

            UidSet offers = inbox.searchWithin(odd, new SearchKey.Subject("Offer"));

            assertEquals(inbox.search(new SearchKey.Subject("Offer")).intersect(odd), offers);
            assertTrue(offers.size() >= 30 && odd.containsAll(offers), offers.toString());
        }
    }

    @Test
    void sparseSetsAreSplitBelowTheLineLimitForMoves() throws Exception {
        TestMessage[] bulk = new TestMessage[200];
        for (int i = 0; i < bulk.length; i++) {
            bulk[i] = TestMessage.of("news@example.com", "Newsletter " + i);
        }
        try (MailClient client = client()) {
            client.append("INBOX", bulk);
        }
        ConnectorOptions shortLines = ConnectorOptions.defaults().withLineLimit(ConnectorOptions.MIN_LINE_LIMIT);
        try (ImapMailbox mailbox = new ImapConnector(shortLines, limiter).connect(plain,
                Credentials.password(DovecotServer.PASSWORD))) {
            mailbox.provision(List.of("Newsletters"));
            FolderSnapshot snapshot;
            UidSet odd;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                UidSet.Builder builder = UidSet.builder();
                inbox.search(new SearchKey.From("news@")).stream().filter(uid -> uid % 2 == 1).forEach(builder::add);
                odd = builder.build();
            }
            assertTrue(odd.formattedLength() > ConnectorOptions.MIN_LINE_LIMIT, "the set must need splitting");
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                BatchResult result = applier.apply(Uids.batch(mailboxName, snapshot,
                        new BatchCommand.Move("Newsletters"), odd));
                assertEquals(odd, result.acted());
                UidMapping mapping = ((io.mailrules.core.run.BatchOutcome.Done) result.outcome()).copyUid()
                        .orElseThrow();
                assertEquals(odd, mapping.sources());
            }
        }
        try (MailClient client = client()) {
            assertEquals(100, client.contents("Newsletters").size());
        }
    }
}
