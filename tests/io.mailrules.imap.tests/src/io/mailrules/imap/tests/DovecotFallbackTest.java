package io.mailrules.imap.tests;

import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.TestMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.UidMapping;
import io.mailrules.core.source.UnsupportedByServerException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Dovecot instances that hide MOVE (and UIDPLUS) from their capability list, to prove the fallback moves only
 * the planned messages and that without UIDPLUS nothing is moved or expunged at all. The first one also uses the
 * {@code INBOX.} personal namespace with {@code .} as delimiter, as Courier-style servers do.
 */
class DovecotFallbackTest {

    private static DovecotServer withoutMove;
    private static DovecotServer withoutUidPlus;

    private final HostConnectionLimiter limiter = new HostConnectionLimiter(8);

    @BeforeAll
    static void startDovecots() throws Exception {
        withoutMove = DovecotServer.start("no-move", DovecotServer.Variant.WITHOUT_MOVE);
        withoutUidPlus = DovecotServer.start("no-uidplus", DovecotServer.Variant.WITHOUT_MOVE_AND_UIDPLUS);
    }

    @AfterAll
    static void stopDovecots() throws Exception {
        if (withoutMove != null) {
            withoutMove.close();
        }
        if (withoutUidPlus != null) {
            withoutUidPlus.close();
        }
    }

    private static MailboxSettings settings(DovecotServer server, String user) {
        return new MailboxSettings("legacy-" + user, "127.0.0.1", server.imapPort(), Security.PLAIN, user,
                Optional.empty(), Optional.empty());
    }

    private ImapMailbox connect(DovecotServer server, String user) throws Exception {
        return new ImapConnector(ConnectorOptions.defaults(), limiter).connect(settings(server, user),
                Credentials.password(DovecotServer.PASSWORD));
    }

    private static void seed(DovecotServer server, String user) throws Exception {
        try (MailClient client = new MailClient("127.0.0.1", server.imapPort(), user, DovecotServer.PASSWORD)) {
            client.append("INBOX", TestMessage.of("a@example.com", "Reply A"),
                    TestMessage.of("b@example.com", "Reply B"),
                    TestMessage.of("c@example.com", "Keep me"),
                    TestMessage.of("d@example.com", "Deleted elsewhere"));
            client.markDeleted("INBOX", "Deleted elsewhere");
        }
    }

    @Test
    void layoutPathsMapToTheInboxPrefixedNamespace() throws Exception {
        String user = withoutMove.freshUser();
        try (ImapMailbox mailbox = connect(withoutMove, user)) {
            assertEquals("INBOX.", mailbox.folderNames().prefix());
            assertEquals("INBOX.Archive.2024", mailbox.folderNames().toServer("Archive/2024"));
            ProvisioningReport report = mailbox.provision(List.of("Archive/2024"));
            assertEquals(List.of("Archive", "Archive/2024"), report.created());
            assertEquals("Trash", mailbox.trashFolder(), "the \\Trash folder comes back as a layout path");
        }
        try (MailClient client = new MailClient("127.0.0.1", withoutMove.imapPort(), user, DovecotServer.PASSWORD)) {
            assertTrue(client.exists("INBOX.Archive.2024"));
        }
    }

    @Test
    void withoutMoveTheMoveIsCopyStoreAndUidExpungeOfExactlyThoseMessages() throws Exception {
        String user = withoutMove.freshUser();
        seed(withoutMove, user);
        try (ImapMailbox mailbox = connect(withoutMove, user)) {
            assertFalse(mailbox.capabilities().move());
            assertTrue(mailbox.capabilities().uidPlus());
            mailbox.provision(List.of("Replies"));
            FolderSnapshot snapshot;
            Map<String, Long> uids;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                uids = Uids.bySubject(inbox);
            }
            UidSet replies = Uids.of(uids, "Reply A", "Reply B");
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                BatchResult result = applier.apply(Uids.batch("legacy-" + user, snapshot,
                        new BatchCommand.Move("Replies"), replies));
                UidMapping mapping = ((BatchOutcome.Done) result.outcome()).copyUid().orElseThrow();
                assertEquals(replies, mapping.sources());
            }
        }
        try (MailClient client = new MailClient("127.0.0.1", withoutMove.imapPort(), user, DovecotServer.PASSWORD)) {
            assertEquals(Set.of("Reply A", "Reply B"), client.contents("INBOX.Replies").keySet());
            Map<String, List<String>> inbox = client.contents("INBOX");
            assertEquals(Set.of("Keep me", "Deleted elsewhere"), inbox.keySet(),
                    "a message another client marked deleted must survive the fallback");
            assertEquals(List.of("\\Deleted"), inbox.get("Deleted elsewhere"));
        }
    }

    @Test
    void withoutUidPlusMovesAndExpungesAreRefusedAndNothingChanges() throws Exception {
        String user = withoutUidPlus.freshUser();
        seed(withoutUidPlus, user);
        try (ImapMailbox mailbox = connect(withoutUidPlus, user)) {
            assertFalse(mailbox.capabilities().uidPlus());
            mailbox.provision(List.of("Replies"));
            FolderSnapshot snapshot;
            Map<String, Long> uids;
            try (ImapFolderReader inbox = mailbox.openReader("INBOX")) {
                snapshot = inbox.snapshot();
                uids = Uids.bySubject(inbox);
            }
            try (FolderApplier applier = mailbox.openApplier(snapshot)) {
                BatchResult move = applier.apply(Uids.batch("legacy-" + user, snapshot,
                        new BatchCommand.Move("Replies"), Uids.of(uids, "Reply A")));
                assertFalse(move.outcome().succeeded());
                assertInstanceOf(UnsupportedByServerException.class, move.failure().orElseThrow());
                String message = move.failure().orElseThrow().getMessage();
                assertTrue(message.startsWith("Mailbox legacy-" + user + " on 127.0.0.1: cannot move messages to"
                        + " \"Replies\": the server offers neither MOVE nor UIDPLUS"), message);
                BatchResult expunge = applier.apply(Uids.batch("legacy-" + user, snapshot,
                        new BatchCommand.Expunge(), Uids.of(uids, "Reply B")));
                assertTrue(expunge.failure().orElseThrow().getMessage().contains("lacks UIDPLUS"));
            }
        }
        try (MailClient client = new MailClient("127.0.0.1", withoutUidPlus.imapPort(), user,
                DovecotServer.PASSWORD)) {
            assertEquals(4, client.contents("INBOX").size());
            assertEquals(Map.of(), client.contents("Replies"));
        }
    }
}
