package io.mailrules.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailrules.core.check.BlockLimits;
import io.mailrules.core.check.ChangeLimit;
import io.mailrules.core.check.PlanChecks;
import io.mailrules.core.check.Refusal;
import io.mailrules.core.check.ServerSupport;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.core.source.MailboxException;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanCompiler;
import io.mailrules.engine.PlanRequest;
import io.mailrules.engine.RulesLimits;

/**
 * A rules file's plan checked against its blocks' limits: the engine records each folder's size and what the server
 * can do, and names each rule so that its block's limits apply to it.
 */
class PlanChecksOnRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-15T09:30:00Z");
    private static final String MAILBOX = "mailbox test { host \"imap.example.com\" user \"t@example.com\""
            + " password from secret \"t\" }\n";

    private final RulesFiles files = new RulesFiles();
    private final FakeMailbox server = new FakeMailbox(ZoneOffset.UTC);

    private void inbox(int messages, int daysOld) {
        FakeFolder inbox = server.folder("test", "INBOX");
        for (int uid = 1; uid <= messages; uid++) {
            inbox.add(new FakeMessage(uid, NOW.minus(Duration.ofDays(daysOld)), 1000, Flags.NONE,
                    List.of(Map.entry("Subject", "message " + uid), Map.entry("From", "a@example.com"))));
        }
    }

    private List<Refusal> refusals(String rules) throws MailboxException {
        return refusals(rules, Optional.empty());
    }

    private List<Refusal> refusals(String rules, Optional<ChangeLimit> maxRemove) throws MailboxException {
        Model model = files.parse(MAILBOX + rules);
        CompiledPlan compiled = new PlanCompiler(server, Clock.fixed(NOW, ZoneOffset.UTC)).compile(
                PlanRequest.allJobs(model, SourceRef.of("test.mailrules", rules)).forApplying());
        BlockLimits limits = RulesLimits.of(model).overriding(maxRemove, Optional.empty());
        return compiled.plan().mailboxes().stream()
                .flatMap(mailbox -> PlanChecks.check(mailbox, limits, compiled.server(mailbox.mailbox())).stream())
                .toList();
    }

    @Test
    void theReportedOneLineRuleIsRefusedByDefault() throws MailboxException {
        inbox(1600, 3);
        List<Refusal> refusals = refusals(
                "rules purge-old for test { rule purge when older than 1 days then expunge }");
        assertEquals(List.of("mailbox test, folder \"INBOX\": rule purge-old/purge would remove 1600 of 1600 messages"
                + " (100.0%); the limit of rules 'purge-old' is remove at most 20% and 2000 (the default)"),
                refusals.stream().map(Refusal::message).toList());
    }

    @Test
    void theBlocksOwnLimitsReplaceTheDefaultsAndTheCommandLineReplacesBoth() throws MailboxException {
        inbox(10, 3);
        String own = """
                rules purge-old for test {
                    limits {
                        remove at most 100%
                    }
                    rule purge when older than 1 days then expunge
                }
                """;
        assertEquals(List.of(), refusals(own));
        List<Refusal> overridden = refusals(own, Optional.of(ChangeLimit.parse("5", "--max-remove")));
        assertEquals(1, overridden.size());
        assertTrue(overridden.getFirst().message().endsWith("is remove at most 5 (--max-remove)"),
                overridden.getFirst().message());
    }

    @Test
    void theLimitCountsAgainstTheFolderAsPlannedExactlyAtTheBoundary() throws MailboxException {
        inbox(10, 3);
        FakeFolder inbox = server.folder("test", "INBOX");
        String rules = "rules r for test { rule old when subject contains \"message 1\" then expunge }";
        // "message 1" and "message 10": 2 of 10 is exactly 20%
        assertEquals(List.of(), refusals(rules));
        inbox.add(new FakeMessage(11, NOW, 1000, Flags.NONE,
                List.of(Map.entry("Subject", "message 11"), Map.entry("From", "a@example.com"))));
        // 3 of 11 is 27%
        assertEquals(1, refusals(rules).size());
    }

    @Test
    void aRetentionPolicysLimitsApplyToItsEntries() throws MailboxException {
        inbox(100, 400);
        String rules = """
                layout l { folder "Archive" role archive }
                retention yearly for test layout l {
                    limits { move at most 10 }
                    in "INBOX" keep 365 days then move to "Archive/{year}"
                }
                """;
        Refusal refusal = refusals(rules).getFirst();
        assertTrue(refusal.message().startsWith("mailbox test, folder \"INBOX\": rule yearly/INBOX keep 365 days"
                + " would move 100 of 100 messages (100.0%); the limit of retention 'yearly' is move at most 10"
                + " (set in test.mailrules"), refusal.message());
    }

    @Test
    void theServersAbilitiesFoundWhilePlanningAreChecked() throws MailboxException {
        inbox(10, 3);
        server.support(ServerSupport.of(false, false));
        List<Refusal> refusals = refusals("""
                rules r for test {
                    limits { remove at most 100% }
                    rule junk when subject contains "message 2" then expunge
                    rule tag when always then flag
                }
                """);
        assertEquals(1, refusals.size());
        assertTrue(refusals.getFirst().message().contains("rule r/junk would \"expunge\" 1 message, which the server"
                + " cannot do safely: the server lacks UIDPLUS"), refusals.getFirst().message());
    }
}
