package io.mailrules.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.core.source.MessageHeaders;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanCompiler;
import io.mailrules.engine.PlanRequest;
import io.mailrules.engine.UndecidedMessage;

/**
 * Mail written to hurt the planner: a header built so that a rule's regular expression backtracks for ever. The plan
 * still finishes within seconds, leaves that message alone, and says which message it gave up on.
 */
class HostileMailTest {

    private static final Instant NOW = Instant.parse("2026-03-15T09:30:00Z");
    private static final String MAILBOX = "mailbox m { host \"imap.example.com\" user \"m@example.com\""
            + " password from secret \"m\" }\n";
    /** 50 KB on which {@code (a+)+$} tries every way of cutting the a's before it fails at the end. */
    private static final String CRAFTED = "a".repeat(50_000) + "!";
    /** Far below the years a backtracking match of {@link #CRAFTED} would take. */
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(30);

    private final RulesFiles files = new RulesFiles();
    private final FakeMailbox server = new FakeMailbox(ZoneOffset.UTC);
    private final FakeFolder inbox = server.folder("m", "INBOX");

    private void mail(long uid, String from, String subject) {
        inbox.add(new FakeMessage(uid, NOW.minus(Duration.ofDays(1)), 1000, Flags.NONE, List.of(
                Map.entry("Message-ID", "<" + uid + "@test>"), Map.entry("From", from), Map.entry("Subject", subject))));
    }

    private CompiledPlan compile(String rules) {
        return assertTimeoutPreemptively(WITHIN_SECONDS, () -> new PlanCompiler(server, Clock.fixed(NOW,
                ZoneOffset.UTC)).compile(PlanRequest.allJobs(files.parse(MAILBOX + rules),
                        SourceRef.of("test.mailrules", rules))));
    }

    private static Optional<PlannedMessage> planned(CompiledPlan compiled, long uid) {
        return compiled.plan().mailboxes().getFirst().folders().stream().flatMap(folder -> folder.messages().stream())
                .filter(message -> message.uid() == uid).findFirst();
    }

    @Test
    void aCatastrophicPatternGivesUpOnTheCraftedMessageAloneWhichNoRuleThenTouches() {
        mail(1, "ana@example.com", "aaaa");
        mail(2, "vip@example.com", CRAFTED);
        mail(3, "ben@example.com", "hello");
        long started = System.nanoTime();
        CompiledPlan compiled = compile("""
                rules r for m {
                    rule vip when from contains "vip" then flag
                    rule hostile when subject matches "(a+)+$" then move to "A"
                    rule rest when always then move to "Other"
                }
                """);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(List.of("r/hostile"), planned(compiled, 1).orElseThrow().rules());
        assertEquals(List.of("r/rest"), planned(compiled, 3).orElseThrow().rules());
        assertEquals(Optional.empty(), planned(compiled, 2), "neither flagged by the rule before nor moved after");
        assertEquals(List.of(new UndecidedMessage("m", "INBOX", 2, Optional.of("<2@test>"), "r/hostile",
                "its pattern \"(a+)+$\" on Subject gave up: it took longer than 1 s")), compiled.undecided());
        assertEquals(List.of("Mailbox m, folder INBOX, UID 2 (Message-ID <2@test>): rule r/hostile could not decide"
                + " it, its pattern \"(a+)+$\" on Subject gave up: it took longer than 1 s; the message is left alone"
                + " (no action) in this run"), compiled.warnings());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the plan took " + took);
    }

    @Test
    void aMessageAnEarlierRuleTookForGoodIsDecidedWhateverTheLaterPattern() {
        mail(2, "vip@example.com", CRAFTED);
        // 'is' is decided on this side of the wire, like the pattern, so the crafted message reaches both rules.
        CompiledPlan compiled = compile("""
                rules r for m {
                    rule vip when from is "vip@example.com" then move to "VIP"
                    rule hostile when subject matches "(a+)+$" then move to "A"
                }
                """);
        assertEquals(List.of("r/vip"), planned(compiled, 2).orElseThrow().rules());
        assertEquals(List.of(), compiled.undecided());
    }

    @Test
    void aHeaderValueLongerThanTheLimitIsMatchedOnItsFirst64KiB() {
        String huge = "x".repeat(MessageHeaders.VALUE_LIMIT) + "needle";
        mail(4, "ana@example.com", huge);
        mail(5, "ana@example.com", "a needle");
        CompiledPlan compiled = compile("""
                rules r for m {
                    rule needle when subject matches "needle$" then move to "Needles"
                }
                """);
        assertEquals(Optional.empty(), planned(compiled, 4), "the needle lies beyond what rules see");
        assertEquals(List.of("r/needle"), planned(compiled, 5).orElseThrow().rules());
        assertEquals(List.of(), compiled.undecided());
    }
}
