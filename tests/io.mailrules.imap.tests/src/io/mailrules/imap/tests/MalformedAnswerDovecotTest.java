package io.mailrules.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.ConnectionLostException;
import io.mailrules.core.source.MailboxException;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.imap.BatchResult;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.FolderApplier;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.ImapFolderReader;
import io.mailrules.imap.ImapMailbox;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed answers in the middle of a real Dovecot session (a proxy rewrites one kind of answer line): a UID that
 * is no number or out of range, a size that is no number, a UIDVALIDITY beyond 32 bits. Each becomes a mailbox error
 * naming the mailbox and what was asked, the connection is closed at once, and the host's slot is free again once
 * the session is closed, as it is by whoever holds it.
 */
class MalformedAnswerDovecotTest {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("malformed", DovecotServer.Variant.FULL);

    private static final int SLOTS = 4;

    @TempDir
    Path work;

    private final HostConnectionLimiter limiter = new HostConnectionLimiter(SLOTS);
    private final ImapConnector connector = new ImapConnector(ConnectorOptions.defaults(), limiter);
    private String user;

    @BeforeEach
    void mailbox() throws Exception {
        user = DOVECOT.freshUser();
        try (MailClient client = DOVECOT.client(user)) {
            client.append("INBOX", TestMessage.of("Ana <ana@example.org>", "Re: pricing"),
                    TestMessage.of("Ben <ben@example.org>", "Quote"));
        }
    }

    private static UnaryOperator<String> replacing(String regex, String replacement) {
        return line -> line.replaceAll(regex, replacement);
    }

    /** What is asked, how its answer is rewritten, and what the error then says is wrong with it. */
    static Stream<Arguments> searchAnswers() {
        return Stream.of(
                Arguments.of("a UID set beyond 32 bits", replacing("^(\\* ESEARCH .* ALL )\\S+$", "$11:99999999999"),
                        "ESEARCH ALL \"1:99999999999\" is not a UID set"),
                Arguments.of("a UID set with a star", replacing("^(\\* ESEARCH .* ALL )\\S+$", "$11:*"),
                        "ESEARCH ALL \"1:*\" is not a UID set"),
                Arguments.of("a number that overflows a long", replacing("^\\* ESEARCH .*$",
                        "* SEARCH 1 123456789012345678901234567890"), "SEARCH answered \"123456789012345678901234567890\","
                                + " which exceeds the largest UID 4294967295"),
                Arguments.of("UID 0", replacing("^\\* ESEARCH .*$", "* SEARCH 0 2"),
                        "SEARCH answered UID 0; UIDs start at 1"),
                Arguments.of("a UID that is no number", replacing("^\\* ESEARCH .*$", "* SEARCH 1 2x"),
                        "SEARCH answered \"2x\", which is not a UID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searchAnswers")
    void aSearchAnswerThatIsNotUidsFailsTheMailboxAndHangsUp(String what, UnaryOperator<String> rewrite,
            String problem) throws Exception {
        try (RewritingProxy proxy = RewritingProxy.start(DOVECOT.imapPort())) {
            ConnectionLostException failure;
            try (ImapMailbox session = connect(proxy); ImapFolderReader inbox = session.openReader("INBOX")) {
                assertEquals(UidSet.range(1, 2), inbox.search(SearchKey.all()), "the answer as the server gave it");
                proxy.rewrite(rewrite);
                failure = assertThrows(ConnectionLostException.class, () -> inbox.search(SearchKey.all()));
                assertHungUp(proxy);
            }
            assertEquals("Mailbox sdr: the answer of 127.0.0.1 when asked to search folder \"INBOX\" could not be"
                    + " read (" + problem, failure.getMessage().substring(0, failure.getMessage().indexOf(problem)
                            + problem.length()));
            assertTrue(failure.getMessage().endsWith("), so Mailrules closed the connection."), failure.getMessage());
            assertEquals(SLOTS, limiter.available("127.0.0.1"), "the host's slot is free again");
        }
    }

    @Test
    void aFetchAnswerWithoutASizeFailsTheMailboxAndHangsUp() throws Exception {
        try (RewritingProxy proxy = RewritingProxy.start(DOVECOT.imapPort())) {
            ConnectionLostException failure;
            try (ImapMailbox session = connect(proxy); ImapFolderReader inbox = session.openReader("INBOX")) {
                // Angus Mail reads a size that overflows a long as -1; one that is no number drops the whole line.
                proxy.rewrite(replacing("RFC822\\.SIZE \\d+", "RFC822.SIZE 99999999999999999999"));
                failure = assertThrows(ConnectionLostException.class,
                        () -> inbox.fetchHeaders(UidSet.range(1, 2), Set.of("Subject")));
                assertHungUp(proxy);
            }
            assertEquals("Mailbox sdr: the answer of 127.0.0.1 when asked to read headers in folder \"INBOX\" could"
                    + " not be read (FETCH gave message 1 no valid RFC822.SIZE), so Mailrules closed the connection.",
                    failure.getMessage());
            assertEquals(SLOTS, limiter.available("127.0.0.1"));
        }
    }

    @Test
    void aUidValidityBeyond32BitsWhenTheFolderOpensFailsTheMailbox() throws Exception {
        try (RewritingProxy proxy = RewritingProxy.start(DOVECOT.imapPort())) {
            ConnectionLostException failure;
            try (ImapMailbox session = connect(proxy)) {
                proxy.rewrite(replacing("\\[UIDVALIDITY \\d+\\]", "[UIDVALIDITY 99999999999]"));
                try (ImapFolderReader inbox = session.openReader("INBOX")) {
                    failure = assertThrows(ConnectionLostException.class, inbox::snapshot);
                }
                assertHungUp(proxy);
            }
            assertEquals("Mailbox sdr: the answer of 127.0.0.1 when asked to read the state of folder \"INBOX\" could"
                    + " not be read (UIDVALIDITY 99999999999 in the answer, where a number of 1 to 4294967295"
                    + " belongs), so Mailrules closed the connection.", failure.getMessage());
        }
    }

    @Test
    void aMoveWhoseCopyUidNamesAnImpossibleUidValidityIsDoneWithoutAPairing() throws Exception {
        try (RewritingProxy proxy = RewritingProxy.start(DOVECOT.imapPort());
                ImapMailbox session = connect(proxy)) {
            session.provision(List.of("Replies"));
            FolderSnapshot snapshot;
            try (ImapFolderReader inbox = session.openReader("INBOX")) {
                snapshot = inbox.snapshot();
            }
            proxy.rewrite(replacing("\\[COPYUID \\d+ ", "[COPYUID 0 "));
            try (FolderApplier applier = session.openApplier(snapshot)) {
                BatchResult result = applier.apply(Uids.batch("sdr", snapshot, new BatchCommand.Move("Replies"),
                        UidSet.range(1, 2)));
                assertEquals(UidSet.range(1, 2), result.acted());
                // Moved all the same; undo finds the messages by Message-ID instead of a pairing it cannot trust.
                assertEquals(new BatchOutcome.Done(Optional.empty(), OptionalLong.empty()), result.outcome());
            }
        }
        try (MailClient client = DOVECOT.client(user)) {
            assertEquals(Set.of("Re: pricing", "Quote"), client.contents("Replies").keySet());
        }
    }

    /** The planner's own path: STATUS first, the error out of the plan, every slot free once the plan gave up. */
    @Test
    void aStatusAnswerBeyond32BitsFailsThePlanOfThatMailboxAndFreesItsSlots() throws Exception {
        try (RewritingProxy proxy = RewritingProxy.start(DOVECOT.imapPort())) {
            Path file = work.resolve("rules.mailrules");
            Files.writeString(file, SalesRules.mailbox("sdr", proxy.port(), user) + """
                    rules routing for sdr in "INBOX" {
                        rule pricing when subject contains "pricing" then flag
                    }
                    """);
            PlanWiring wiring = new PlanWiring(connector, Clock.systemUTC());
            Model model = wiring.load(file);
            proxy.rewrite(replacing("^(\\* STATUS .*UIDVALIDITY )\\d+", "$199999999999"));
            MailboxException failure = assertThrows(ConnectionLostException.class, () -> wiring.plan(file, model,
                    PlanWiring.logins(model, name -> Credentials.password(DovecotServer.PASSWORD))));
            assertTrue(failure.getMessage().startsWith("Mailbox sdr: the answer of 127.0.0.1 when asked to read the"
                    + " status of folder \"INBOX\" could not be read (STATUS gave UIDVALIDITY 99999999999"),
                    failure.getMessage());
            assertTrue(failure.isConnectionProblem(), "the command line reports it with exit code 2");
            assertHungUp(proxy);
            assertEquals(SLOTS, limiter.available("127.0.0.1"));
        }
    }

    private ImapMailbox connect(RewritingProxy proxy) throws Exception {
        MailboxSettings settings = new MailboxSettings("sdr", "127.0.0.1", proxy.port(), Security.PLAIN, user,
                Optional.empty(), Optional.empty());
        return connector.connect(settings, Credentials.password(DovecotServer.PASSWORD));
    }

    /** The client logged out and the connection is gone, before the test closed anything itself. */
    private static void assertHungUp(RewritingProxy proxy) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (proxy.openConnections() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(0, proxy.openConnections(), "connections still open");
        assertTrue(proxy.clientLines().stream().anyMatch(line -> line.matches("^\\S+ LOGOUT$")),
                proxy.clientLines()::toString);
    }
}
