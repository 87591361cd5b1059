package io.mailrules.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.UndecidedMessage;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message whose header is built to make a rule's pattern backtrack for ever, delivered to the private Dovecot:
 * the dry run still finishes within seconds, plans the other messages, and names the one it gave up on.
 */
class HostileMailDovecotTest {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("hostile", DovecotServer.Variant.FULL);

    /** 50 KB on which {@code (a+)+$} tries every way of cutting the a's before it fails at the end. */
    private static final String CRAFTED = "a".repeat(50_000) + "!";

    @TempDir
    Path work;

    @Test
    void aCatastrophicPatternOnACraftedHeaderEndsThePlanInSecondsNamingTheMessage() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = DOVECOT.client(user)) {
            client.append("INBOX",
                    TestMessage.of("Ana <ana@example.org>", "Spring campaign").withHeader("X-Campaign", "aaaa"),
                    TestMessage.of("Mallory <mallory@example.net>", "Crafted").withHeader("X-Campaign", CRAFTED),
                    TestMessage.of("Ben <ben@example.org>", "Re: pricing").withHeader("X-Campaign", "b"));
        }
        Path file = work.resolve("hostile.mailrules");
        Files.writeString(file, SalesRules.mailbox("sdr", DOVECOT.imapPort(), user) + """
                rules routing for sdr in "INBOX" {
                    rule campaigns when header "X-Campaign" matches "(a+)+$" then move to "Campaigns"
                    rule pricing when subject contains "pricing" then flag
                }
                """);
        PlanWiring wiring = new PlanWiring(new ImapConnector(ConnectorOptions.defaults(), new HostConnectionLimiter(4)),
                Clock.systemUTC());
        Model model = wiring.load(file);

        long started = System.nanoTime();
        CompiledPlan compiled = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> wiring.plan(file, model,
                PlanWiring.logins(model, name -> Credentials.password(DovecotServer.PASSWORD))));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<PlannedMessage> planned = compiled.plan().mailboxes().getFirst().folders().getFirst().messages();
        assertEquals(List.of("Spring campaign move to Campaigns", "Re: pricing add \\Flagged"), planned.stream()
                .map(message -> message.subject() + " " + message.actionSummary()).toList());
        assertEquals(1, compiled.undecided().size(), compiled.warnings()::toString);
        UndecidedMessage undecided = compiled.undecided().getFirst();
        assertEquals(2, undecided.uid());
        assertEquals("INBOX", undecided.folder());
        assertEquals("routing/campaigns", undecided.rule());
        assertTrue(undecided.messageId().orElseThrow().matches("<\\d+\\.\\d+@test>"), undecided.toString());
        assertTrue(compiled.warnings().getFirst().startsWith("Mailbox sdr, folder INBOX, UID 2 (Message-ID "
                + undecided.messageId().get() + "): rule routing/campaigns could not decide it, its pattern"
                + " \"(a+)+$\" on X-Campaign gave up: it took longer than 1 s"), compiled.warnings().getFirst());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the dry run took " + took);
    }
}
