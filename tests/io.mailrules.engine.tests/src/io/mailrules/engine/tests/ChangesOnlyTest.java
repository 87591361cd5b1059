package io.mailrules.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.FolderNameException;
import io.mailrules.core.source.FolderNaming;
import io.mailrules.core.source.MailboxException;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanCompiler;
import io.mailrules.engine.PlanRequest;

/**
 * A plan holds changes only, so that the exact dry run of a mailbox a run has just finished is empty; and a folder
 * name a server cannot take fails its mailbox, not the plan of the others.
 */
class ChangesOnlyTest {

    private static final Instant NOW = Instant.parse("2026-03-15T09:30:00Z");
    private static final String MAILBOXES = """
            mailbox m { host "imap.example.com" user "m@example.com" password from secret "m" }
            mailbox cyrus { host "cyrus.example.com" user "c@example.com" password from secret "c" }
            """;

    private final RulesFiles files = new RulesFiles();
    private final FakeMailbox server = new FakeMailbox(ZoneOffset.UTC);
    private final FakeFolder inbox = server.folder("m", "INBOX");

    private void mail(long uid, String from, String subject, String... flags) {
        inbox.add(new FakeMessage(uid, NOW.minus(Duration.ofDays(1)), 1000, Flags.of(flags), List.of(
                Map.entry("Message-ID", "<" + uid + "@test>"), Map.entry("From", from),
                Map.entry("Subject", subject))));
    }

    private CompiledPlan compile(String rules) throws MailboxException {
        return new PlanCompiler(server, Clock.fixed(NOW, ZoneOffset.UTC)).compile(PlanRequest.allJobs(
                files.parse(MAILBOXES + rules), SourceRef.of("test.mailrules", rules)));
    }

    private static List<String> batches(Plan plan) {
        return plan.batches().stream().map(ChangesOnlyTest::describe).toList();
    }

    private static String describe(Batch batch) {
        return batch.folder() + " " + batch.command().kind() + batch.command().target().map(t -> " " + t).orElse("")
                + batch.command().flags().map(f -> " " + f).orElse("") + " " + batch.uids();
    }

    private static List<Long> planned(Plan plan) {
        return plan.mailboxes().stream().flatMap(mailbox -> mailbox.folders().stream())
                .flatMap(folder -> folder.messages().stream()).map(PlannedMessage::uid).toList();
    }

    @Test
    void aRuleThatSetsFlagsIsAskedAboutTheMessagesWithoutThemAndPlansOnlyThose() throws MailboxException {
        mail(1, "a@corp.com", "flag me");
        mail(2, "b@corp.com", "flag me", "\\Flagged", "\\Seen", "$Done");
        mail(3, "c@corp.com", "flag me", "\\Seen");
        Plan plan = compile("""
                rules r for m { rule flag when subject contains "flag me" then flag, mark seen, add keyword "$Done" }
                """).plan();

        assertEquals(List.of("INBOX addFlags \\Seen 1", "INBOX addFlags \\Flagged 1,3", "INBOX addFlags $Done 1,3"),
                batches(plan), "message 2 has all three already, message 3 is seen already");
        assertEquals(List.of(1L, 3L), planned(plan));
        PlannedMessage three = plan.mailboxes().getFirst().folders().getFirst().messages().get(1);
        assertEquals(List.of("r/flag"), three.rules());
        assertEquals("add \\Flagged, add $Done", three.actionSummary());
        assertEquals(List.of(SearchKey.and(new SearchKey.Subject("flag me"), SearchKey.unflagged()),
                SearchKey.and(new SearchKey.Subject("flag me"), SearchKey.unseen()),
                SearchKey.and(new SearchKey.Subject("flag me"), new SearchKey.Unkeyword("$Done"))),
                inbox.searches(), "one SEARCH per change, each with the state the change leaves");
    }

    @Test
    void aRuleThatClearsFlagsIsAskedAboutTheMessagesWithThemAndPlansOnlyThose() throws MailboxException {
        mail(1, "a@corp.com", "clear me", "\\Flagged", "\\Seen", "$Old");
        mail(2, "b@corp.com", "clear me");
        mail(3, "c@corp.com", "clear me", "$Old");
        Plan plan = compile("""
                rules r for m { rule clear when subject contains "clear me" then unflag, mark unseen, remove keyword "$Old" }
                """).plan();

        assertEquals(List.of("INBOX removeFlags \\Seen 1", "INBOX removeFlags \\Flagged 1",
                "INBOX removeFlags $Old 1,3"), batches(plan), "message 2 has none of them");
        assertEquals(List.of(SearchKey.and(new SearchKey.Subject("clear me"), SearchKey.flagged()),
                SearchKey.and(new SearchKey.Subject("clear me"), SearchKey.seen()),
                SearchKey.and(new SearchKey.Subject("clear me"), new SearchKey.Keyword("$Old"))), inbox.searches());
    }

    @Test
    void aMailboxInTheStateTheRulesLeaveItInHasAnEmptyPlan() throws MailboxException {
        mail(1, "a@corp.com", "flag me", "\\Flagged", "\\Seen", "$Done");
        mail(2, "b@corp.com", "clear me");
        assertEquals(List.of(), planned(compile("""
                rules r for m {
                    rule flag when subject contains "flag me" then flag, mark seen, add keyword "$Done"
                    rule clear when subject contains "clear me" then unflag, mark unseen, remove keyword "$Old"
                }
                """).plan()));
    }

    @Test
    void aRuleDecidedOnFetchedHeadersIsAskedAboutTheMessagesNotYetFlaggedOnly() throws MailboxException {
        mail(1, "bot@x.com", "a");
        mail(2, "ana@x.com", "b", "\\Flagged");
        mail(3, "ben@x.com", "c");
        Plan plan = compile("""
                rules r for m { rule humans when not from matches /^bot@/ then flag }
                """).plan();
        assertEquals(List.of("INBOX addFlags \\Flagged 3"), batches(plan));
        assertEquals(List.of(new FakeFolder.Fetch(UidSet.of(1, 3), java.util.Set.of("From"))),
                inbox.fetches().subList(0, 1), "the flagged message's headers are not even fetched");
    }

    @Test
    void flagChangesOfRulesThatAlsoMoveOrCopyAreLeftOutWhereTheMessageHasThemAlready() throws MailboxException {
        mail(1, "a@corp.com", "auto", "$AutoReply");
        mail(2, "b@corp.com", "auto");
        mail(3, "c@vip.com", "hello", "\\Flagged");
        Plan plan = compile("""
                rules r for m {
                    rule auto when subject contains "auto" then add keyword "$AutoReply", move to "AutoReplies"
                    rule vip when from contains "vip.com" then flag, copy to "VIP"
                }
                """).plan();
        assertEquals(List.of("INBOX addFlags $AutoReply 2", "INBOX copy VIP 3", "INBOX move AutoReplies 1:2"),
                batches(plan));
        PlannedMessage one = plan.mailboxes().getFirst().folders().getFirst().messages().getFirst();
        assertEquals("move to AutoReplies", one.actionSummary());
    }

    @Test
    void aFlagOneRuleSetsAndALaterOneClearsEndsAsRunningTheRulesInOrderWouldLeaveIt() throws MailboxException {
        mail(1, "a@corp.com", "both");
        mail(2, "b@corp.com", "both", "\\Flagged");
        mail(3, "c@corp.com", "first only", "\\Flagged");
        mail(4, "d@corp.com", "first only");
        Plan plan = compile("""
                rules r for m {
                    rule set when subject contains "o" then flag
                    rule clear when subject contains "both" then unflag
                }
                """).plan();
        assertEquals(List.of("INBOX addFlags \\Flagged 4", "INBOX removeFlags \\Flagged 2"), batches(plan),
                "1 is flagged then unflagged, as it is; 2 ends unflagged; 3 is flagged already");
    }

    @Test
    void aTargetWithTheServersDelimiterFailsItsMailboxNamingRuleAndFolderAndTheOthersArePlanned()
            throws MailboxException {
        mail(1, "a@corp.com", "report");
        server.name("cyrus", new FolderNaming("INBOX.", '.'));
        server.folder("cyrus", "INBOX").add(new FakeMessage(1, NOW, 1000, Flags.NONE, List.of(
                Map.entry("Subject", "report"))));
        CompiledPlan compiled = compile("""
                rules reports for m, cyrus { rule yearly when subject contains "report" then move to "Reports.2025" }
                """);

        assertEquals(List.of("m"), compiled.plan().mailboxes().stream().map(mailbox -> mailbox.mailbox()).toList());
        assertEquals(List.of("INBOX move Reports.2025 1"), batches(compiled.plan()),
                "where '/' separates levels, a dot is part of the name");
        FolderNameException failed = compiled.notPlanned().getFirst();
        assertEquals("cyrus", failed.mailbox());
        assertEquals("Reports.2025", failed.folder());
        assertEquals("Mailbox cyrus on cyrus.example.com: rule reports/yearly: folder \"Reports.2025\" contains '.',"
                + " which this server uses to separate folder levels; write folder levels with '/' in rules files, or"
                + " choose a name without it.", failed.getMessage());
    }
}
