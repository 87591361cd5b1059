package io.mailrules.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.incremental.FolderStates;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.MailboxException;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanCompiler;
import io.mailrules.engine.PlanRequest;
import io.mailrules.engine.RuleExplanation;

/** The evaluation semantics of docs/semantics.md, checked on small hand-made folders. */
class PlanCompilerTest {

    private static final Instant NOW = Instant.parse("2026-03-15T09:30:00Z");
    private static final String MAILBOX = "mailbox m { host \"imap.example.com\" user \"m@example.com\""
            + " password from secret \"m\" }\n";

    private final RulesFiles files = new RulesFiles();
    private final FakeMailbox server = new FakeMailbox(ZoneOffset.UTC);
    private final FakeFolder inbox = server.folder("m", "INBOX");

    private void mail(long uid, String from, String subject, int daysOld, String... extraHeaders) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Message-ID", "<" + uid + "@test>"));
        headers.add(Map.entry("From", from));
        headers.add(Map.entry("Subject", subject));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.add(Map.entry(extraHeaders[i], extraHeaders[i + 1]));
        }
        inbox.add(new FakeMessage(uid, NOW.minus(Duration.ofDays(daysOld)), 1000, Flags.NONE, headers));
    }

    /** The plan `mailrules run` makes: for applying at once. */
    private Plan leanPlan(String rules) throws MailboxException {
        return new PlanCompiler(server, Clock.fixed(NOW, ZoneOffset.UTC)).compile(PlanRequest.allJobs(
                files.parse(MAILBOX + rules), SourceRef.of("test.mailrules", rules)).forApplying()).plan();
    }

    private CompiledPlan compile(String rules) throws MailboxException {
        PlanCompiler compiler = new PlanCompiler(server, Clock.fixed(NOW, ZoneOffset.UTC));
        return compiler.compile(PlanRequest.allJobs(files.parse(MAILBOX + rules), SourceRef.of("test.mailrules", rules)));
    }

    private static PlannedMessage message(Plan plan, long uid) {
        return plan.mailboxes().getFirst().folders().getFirst().messages().stream().filter(m -> m.uid() == uid)
                .findFirst().orElseThrow(() -> new AssertionError("message " + uid + " not planned"));
    }

    private static List<String> batches(Plan plan) {
        return plan.batches().stream().map(PlanCompilerTest::describe).toList();
    }

    private static String describe(Batch batch) {
        return batch.folder() + " " + batch.command().kind() + batch.command().target().map(t -> " " + t).orElse("")
                + batch.command().flags().map(f -> " " + f).orElse("") + " " + batch.uids();
    }

    @Test
    void nonTerminalActionsAccumulateUntilTheFirstTerminalAction() throws MailboxException {
        mail(1, "ceo@bigcustomer.com", "Re: pricing", 1);
        Plan plan = compile("""
                rules r for m in "INBOX" {
                    rule vip when from contains "bigcustomer" then flag, copy to "VIP"
                    rule interested when subject contains "pricing" then add keyword "$Interested", move to "Replies"
                    rule late when always then move to "Other"
                }
                """).plan();
        PlannedMessage message = message(plan, 1);
        assertEquals(List.of("r/vip", "r/interested"), message.rules());
        assertEquals("add \\Flagged, copy to VIP, add $Interested, move to Replies", message.actionSummary());
        assertEquals(List.of("INBOX addFlags \\Flagged 1", "INBOX addFlags $Interested 1", "INBOX copy VIP 1",
                "INBOX move Replies 1"), batches(plan));
    }

    @Test
    void firstTerminalRuleWinsAndAMessageIsMovedOnce() throws MailboxException {
        mail(1, "a@x.com", "hello", 1);
        mail(2, "b@x.com", "hello", 1);
        mail(3, "c@y.com", "hello", 1);
        Plan plan = compile("""
                rules r for m {
                    rule a when from contains "a@" then move to "A"
                    rule x when from contains "x.com" then move to "X"
                    rule rest when always then mark seen
                }
                """).plan();
        assertEquals(List.of("r/a"), message(plan, 1).rules());
        assertEquals(List.of("r/x"), message(plan, 2).rules());
        assertEquals(List.of("r/rest"), message(plan, 3).rules());
        assertEquals(List.of("INBOX addFlags \\Seen 3", "INBOX move A 1", "INBOX move X 2"), batches(plan));
    }

    @Test
    void movesGoLargestFirstSoTheFolderShrinksSoonestAndEqualOnesByName() throws MailboxException {
        mail(1, "a@x.com", "hello", 1);
        mail(2, "b@y.com", "hello", 1);
        mail(3, "c@y.com", "hello", 1);
        mail(4, "d@z.com", "hello", 1);
        mail(5, "e@w.com", "hello", 1);
        Plan plan = compile("""
                rules r for m {
                    rule x when from contains "x.com" then flag, move to "A-small"
                    rule y when from contains "y.com" then move to "Z-large"
                    rule z when from contains "z.com" then move to "M-one"
                    rule w when from contains "w.com" then copy to "Copies", move to "B-one"
                }
                """).plan();
        assertEquals(List.of("INBOX addFlags \\Flagged 1", "INBOX copy Copies 5", "INBOX move Z-large 2:3",
                "INBOX move A-small 1", "INBOX move B-one 5", "INBOX move M-one 4"), batches(plan));
    }

    @Test
    void stopEndsEvaluationWithoutActing() throws MailboxException {
        mail(1, "boss@corp.com", "hello", 1);
        mail(2, "other@corp.com", "hello", 1);
        Plan plan = compile("""
                rules r for m {
                    rule boss when from contains "boss" then stop
                    rule tidy when from domain "corp.com" then flag, move to "Corp"
                }
                """).plan();
        assertEquals("stop", message(plan, 1).actionSummary());
        assertEquals(List.of("INBOX addFlags \\Flagged 2", "INBOX move Corp 2"), batches(plan));
    }

    @Test
    void twoJobsReadingOneFolderShareTheFirstTerminalMatch() throws MailboxException {
        mail(1, "a@x.com", "old", 400);
        Plan plan = compile("""
                rules r for m { rule a when from contains "x.com" then move to "X" }
                retention cleanup for m { in "INBOX" keep 30 days then delete }
                """).plan();
        assertEquals(List.of("r/a"), message(plan, 1).rules());
        assertEquals(List.of("INBOX move X 1"), batches(plan));
    }

    @Test
    void retentionSearchesBeforeTheCutoffAndFillsDateTemplatesPerMessage() throws MailboxException {
        mail(1, "a@x.com", "new", 10);
        mail(2, "a@x.com", "old", 400);
        mail(3, "a@x.com", "older", 800);
        mail(4, "a@x.com", "older", 790);
        server.folder("m", "Archive");
        Plan plan = compile("""
                layout l { folder "Archive" role archive folder "Junk" }
                retention yearly for m layout l { in "INBOX" keep 365 days then move to "{archive}/{year}" }
                """).plan();
        assertEquals(List.of(new SearchKey.Before(LocalDate.of(2025, 3, 15)), year(2025), year(2024)), inbox.searches(),
                "one SEARCH per year from the cutoff's back, until every message is dated; no date is fetched");
        assertEquals(List.of(), inbox.fetches().stream().filter(fetch -> fetch.fields().isEmpty()).toList());
        assertEquals(List.of("INBOX move Archive/2024 3:4", "INBOX move Archive/2025 2"), batches(plan));
        assertEquals(List.of("Junk", "Archive/2024", "Archive/2025"), plan.mailboxes().getFirst().foldersToCreate());
    }

    @Test
    void deleteMovesToTheServersTrashAndExpungeIsExplicit() throws MailboxException {
        mail(1, "a@x.com", "spam", 1);
        mail(2, "b@x.com", "junk", 1);
        server.folder("m", "Deleted Items");
        server.markTrash("Deleted Items");
        Plan plan = compile("""
                rules r for m {
                    rule d when subject is "spam" then delete
                    rule e when subject is "JUNK" then expunge
                }
                """).plan();
        assertEquals(List.of("INBOX move Deleted Items 1", "INBOX expunge 2"), batches(plan));
    }

    @Test
    void serverSearchAloneDecidesWhatSearchCanExpress() throws MailboxException {
        mail(1, "a@x.com", "Re: Demo", 1);
        mail(2, "a@x.com", "Re: pricing", 100);
        CompiledPlan compiled = compile("""
                rules r for m {
                    rule demo when subject contains "demo" and newer than 30 days and not is flagged then mark seen
                }
                """);
        assertEquals(1, inbox.searches().size());
        assertEquals(List.of(new FakeFolder.Fetch(UidSet.of(1),
                Set.of("Message-ID", "From", "Subject"))), inbox.fetches());
        assertEquals("server SEARCH: SUBJECT \"demo\" SINCE 13-Feb-2026 NOT FLAGGED",
                compiled.explanations().getFirst().text());
    }

    @Test
    void regexFetchesOnlyTheFieldsItNeedsForOnlyTheCandidates() throws MailboxException {
        mail(1, "MAILER-DAEMON@mx.example", "failure", 1);
        mail(2, "ana@x.com", "hello", 1, "List-Id", "<weekly.vendor.io>");
        mail(3, "ben@x.com", "hello", 1);
        CompiledPlan compiled = compile("""
                rules r for m {
                    rule bounces when from matches /mailer-daemon|postmaster/ then move to "Bounces"
                    rule lists when header "List-Id" matches "weekly\\\\." then move to "Lists"
                }
                """);
        FakeFolder.Fetch evaluation = inbox.fetches().getFirst();
        assertEquals(Set.of("From", "List-Id"), evaluation.fields());
        assertEquals("1:3", evaluation.uids().toString(), "From exists on every message; List-Id on one");
        assertEquals(2, inbox.fetches().size(), "one evaluation fetch and one for the preview");
        assertEquals(List.of("INBOX move Bounces 1", "INBOX move Lists 2"), batches(compiled.plan()));
        List<String> texts = compiled.explanations().stream().map(RuleExplanation::text).toList();
        assertEquals(List.of(
                "server SEARCH: HEADER \"From\" \"\", then needs header fetch of From because regex",
                "server SEARCH: HEADER \"List-Id\" \"\", then needs header fetch of List-Id because regex"), texts);
    }

    @Test
    void exactComparisonsAndDomainsAreNarrowedByTheServerAndConfirmedLocally() throws MailboxException {
        mail(1, "ana@sub.corp.com", "Pricing", 1);
        mail(2, "ana@corp.com.evil.io", "Pricing plans", 1);
        Plan plan = compile("""
                rules r for m {
                    rule a when from domain "corp.com" then flag
                    rule b when subject is "pricing" then mark seen
                }
                """).plan();
        assertEquals(List.of("INBOX addFlags \\Seen 1", "INBOX addFlags \\Flagged 1"), batches(plan));
        assertTrue(inbox.searches().contains(SearchKey.and(new SearchKey.From("corp.com"), SearchKey.unflagged())),
                "the rule only flags, so it is asked about the messages not flagged yet: " + inbox.searches());
    }

    @Test
    void aDomainWrittenAsAnAngleAddressIsConfirmedBySearchAndOnlyTheRestIsFetched() throws MailboxException {
        mail(1, "Ana <ana@corp.com>", "a", 1);
        mail(2, "Ben <ben@mx.corp.com>", "b", 1);
        mail(3, "cho@corp.com", "c", 1);
        mail(4, "\"corp.com sales\" <dan@other.io>", "d", 1);
        mail(5, "Eve <eve@corp.com.evil.io>", "e", 1);
        mail(6, "Fay <fay@elsewhere.io>", "f", 1);
        Plan plan = compile("""
                rules r for m { rule a when from domain "corp.com" then flag }
                """).plan();
        assertEquals(List.of("INBOX addFlags \\Flagged 1:3"), batches(plan));
        assertEquals(List.of(new FakeFolder.Within(UidSet.range(1, 5),
                SearchKey.or(new SearchKey.From("@corp.com>"), new SearchKey.From(".corp.com>")))), inbox.withins(),
                "the confirming SEARCH is asked about the candidates only, so the server reads no other sender again");
        FakeFolder.Fetch evaluation = inbox.fetches().getFirst();
        assertEquals(Set.of("From"), evaluation.fields());
        assertEquals("3:5", evaluation.uids().toString(), "only senders not written as <x@corp.com> are fetched");
    }

    @Test
    void aPlanForApplyingFetchesNoPreviewFieldsAndHasThePreviewsBatches() throws MailboxException {
        mail(1, "a@x.com", "old", 400);
        mail(2, "b@x.com", "new", 1);
        String rules = """
                rules r for m {
                    rule archive when older than 365 days then move to "Archive/{year}"
                    rule rest when always then mark seen
                }
                """;
        Plan preview = compile(rules).plan();
        int previewFetches = inbox.fetches().size();
        Plan lean = leanPlan(rules);
        assertEquals(List.of(), inbox.fetches().subList(previewFetches, inbox.fetches().size()),
                "a plan for applying reads nothing per message: SEARCH alone decides it, dated folders included");
        assertEquals(batches(preview), batches(lean));
        assertEquals(List.of("INBOX addFlags \\Seen 2", "INBOX move Archive/2025 1"), batches(lean));
        PlannedMessage old = message(lean, 1);
        assertTrue(old.from().isEmpty() && old.subject().isEmpty() && old.messageId().isEmpty()
                && old.internalDate().isEmpty());
        assertEquals(NOW.minus(Duration.ofDays(400)), message(preview, 1).internalDate().orElseThrow());
        assertEquals("<1@test>", message(preview, 1).messageId().orElseThrow());
    }

    @Test
    void theServersDayDecidesTheYearOfADatedFolderInPreviewAndRunAlike() throws MailboxException {
        // 21:00 UTC on New Year's Eve is already New Year's Day for a server five hours ahead.
        FakeMailbox ahead = new FakeMailbox(ZoneOffset.ofHours(5));
        FakeFolder folder = ahead.folder("m", "INBOX");
        Instant newYearsEve = Instant.parse("2024-12-31T21:00:00Z");
        folder.add(new FakeMessage(7, newYearsEve, 1000, Flags.NONE, List.of(Map.entry("Message-ID", "<7@test>"))));
        String rules = """
                rules r for m {
                    rule archive when older than 365 days then move to "Archive/{year}"
                }
                """;
        for (PlanRequest request : List.of(PlanRequest.allJobs(files.parse(MAILBOX + rules),
                SourceRef.of("test.mailrules", rules)), PlanRequest.allJobs(files.parse(MAILBOX + rules),
                        SourceRef.of("test.mailrules", rules)).forApplying())) {
            Plan plan = new PlanCompiler(ahead, Clock.fixed(NOW, ZoneOffset.UTC)).compile(request).plan();
            assertEquals(List.of("INBOX move Archive/2025 7"), batches(plan), "the year the server's SEARCH says");
        }
    }

    @Test
    void mailOlderThanTenYearlySearchesIsDatedByFetchingItsDateOnly() throws MailboxException {
        mail(1, "a@x.com", "ancient", 365 * 30);
        mail(2, "a@x.com", "old", 400);
        Plan plan = leanPlan("""
                rules r for m { rule archive when older than 365 days then move to "Archive/{year}" }
                """);
        assertEquals(1 + 10, inbox.searches().size(), "the age SEARCH and ten yearly ones, 2025 back to 2016");
        assertEquals(List.of(new FakeFolder.Fetch(UidSet.of(1), Set.of())), inbox.fetches());
        assertEquals(List.of("INBOX move Archive/1996 1", "INBOX move Archive/2025 2"), batches(plan));
    }

    @Test
    void monthlyFoldersAreDatedByOneSearchPerMonth() throws MailboxException {
        mail(1, "a@x.com", "feb", 30);
        mail(2, "a@x.com", "jan", 60);
        mail(3, "a@x.com", "jan too", 55);
        Plan plan = compile("""
                rules r for m { rule monthly when older than 20 days then move to "Archive/{year}/{month}" }
                """).plan();
        assertEquals(List.of(new SearchKey.Before(LocalDate.of(2026, 2, 23)),
                month(LocalDate.of(2026, 2, 1)), month(LocalDate.of(2026, 1, 1))), inbox.searches());
        assertEquals(List.of("INBOX move Archive/2026/01 2:3", "INBOX move Archive/2026/02 1"), batches(plan));
    }

    @Test
    void eachYearlySearchAsksOnlyAboutTheMessagesNoYearWasFoundForYet() throws MailboxException {
        mail(1, "a@x.com", "2025", 400);
        mail(2, "a@x.com", "2024", 800);
        mail(3, "a@x.com", "2023", 900);
        mail(4, "a@x.com", "new", 10);
        Plan plan = leanPlan("""
                rules r for m { rule archive when older than 365 days then move to "Archive/{year}" }
                """);
        assertEquals(List.of(new FakeFolder.Within(UidSet.range(1, 3), year(2025)),
                new FakeFolder.Within(UidSet.range(2, 3), year(2024)), new FakeFolder.Within(UidSet.of(3), year(2023))),
                inbox.withins(), "the server looks at each old message about once, not once per year");
        assertEquals(List.of("INBOX move Archive/2023 3", "INBOX move Archive/2024 2", "INBOX move Archive/2025 1"),
                batches(plan));
    }

    @Test
    void mailDatedAfterTodayByAClockRunningAheadGetsTheYearOfItsOwnDate() throws MailboxException {
        mail(1, "a@x.com", "from the future", -400);
        mail(2, "a@x.com", "this year", 10);
        mail(3, "a@x.com", "last year", 400);
        Plan plan = leanPlan("""
                rules r for m { rule file when always then move to "Archive/{year}" }
                """);
        assertEquals(List.of(new FakeFolder.Within(UidSet.range(1, 3), new SearchKey.Since(LocalDate.of(2027, 1, 1))),
                new FakeFolder.Within(UidSet.range(2, 3), year(2026)), new FakeFolder.Within(UidSet.of(3), year(2025))),
                inbox.withins(), "no age rule bounds the dates, so mail dated past this year is looked for first");
        assertEquals(List.of(new FakeFolder.Fetch(UidSet.of(1), Set.of())), inbox.fetches());
        assertEquals(List.of("INBOX move Archive/2025 3", "INBOX move Archive/2026 2", "INBOX move Archive/2027 1"),
                batches(plan));
    }

    @Test
    void laterRulesReadOnlyTheMessagesNoEarlierTerminalRuleSurelyDecided() throws MailboxException {
        mail(1, "MAILER-DAEMON@x.com", "Undelivered: pricing", 1);
        mail(2, "bo@customer.com", "Re: pricing", 1);
        mail(3, "mailer-daemon@y.com", "Undelivered", 1);
        mail(4, "al@customer.com", "Re: demo", 1);
        Plan plan = compile("""
                rules r for m {
                    rule bounces when from contains "mailer-daemon" then move to "Bounces"
                    rule old when older than 30 days then move to "Old"
                    rule pricing when subject contains "pricing" then flag
                }
                """).plan();
        assertEquals(List.of(new FakeFolder.Within(UidSet.of(2, 4),
                SearchKey.and(new SearchKey.Subject("pricing"), SearchKey.unflagged()))), inbox.withins(),
                "the bounces are not read again for the subject; the age test reads no message and is asked of all");
        assertEquals(List.of("INBOX addFlags \\Flagged 2", "INBOX move Bounces 1,3"), batches(plan));
    }

    private static final SearchKey PRICING_NOT_FLAGGED = SearchKey.and(new SearchKey.Subject("pricing"),
            SearchKey.unflagged());

    @Test
    void aReaderThatSearchesSideBySideGetsTheNextRulesSearchBeforeAnAnswerAndMakesTheSamePlan()
            throws MailboxException {
        mail(1, "MAILER-DAEMON@x.com", "Undelivered: pricing", 1);
        mail(2, "bo@customer.com", "Re: pricing", 1);
        mail(3, "al@customer.com", "Out of office", 1, "Auto-Submitted", "auto-replied");
        mail(4, "cy@customer.com", "Re: pricing", 1, "Auto-Submitted", "auto-replied");
        mail(5, "di@customer.com", "Re: demo", 1);
        String rules = """
                rules r for m {
                    rule bounces when from contains "mailer-daemon" then move to "Bounces"
                    rule auto when header "Auto-Submitted" exists then move to "AutoReplies"
                    rule pricing when subject contains "pricing" then flag
                }
                """;
        Plan oneAtATime = leanPlan(rules);
        assertEquals(List.of(new FakeFolder.Within(UidSet.of(2, 3, 4, 5), new SearchKey.Header("Auto-Submitted", "")),
                new FakeFolder.Within(UidSet.of(2, 5), PRICING_NOT_FLAGGED)), inbox.withins());

        inbox.answerSideBySide(2, 3);
        Plan sideBySide = leanPlan(rules);
        assertEquals(2, inbox.mostSearchesInFlight(), "the second rule's SEARCH went out before the first's answer");
        assertEquals(List.of(new FakeFolder.Within(UidSet.of(2, 3, 4, 5), PRICING_NOT_FLAGGED)),
                inbox.withins().subList(2, inbox.withins().size()),
                "with two in flight, each rule is asked about what the rules two before it left: the second rule"
                        + " about every message, the third about what the bounces left, not waiting for the second");
        assertEquals(batches(oneAtATime), batches(sideBySide));
        assertEquals(oneAtATime.mailboxes(), sideBySide.mailboxes(), "the same messages, rules and actions");
        assertEquals(List.of("INBOX addFlags \\Flagged 2", "INBOX move AutoReplies 3:4", "INBOX move Bounces 1"),
                batches(sideBySide));
    }

    /** Each period's SEARCH is bounded below only: what is still undated arrived before the period searched last. */
    private static SearchKey year(int year) {
        return new SearchKey.Since(LocalDate.of(year, 1, 1));
    }

    private static SearchKey month(LocalDate start) {
        return new SearchKey.Since(start);
    }

    private static final String INCREMENTAL_RULES = """
            rules r for m {
                rule customers when from domain "corp.com" then flag
                rule unread-old when not is seen and older than 30 days then move to "Later"
            }
            """;

    private CompiledPlan compileAfter(CompiledPlan earlier, String rules) throws MailboxException {
        FolderStates states = (account, mailbox, folder) -> earlier.folderStates().stream()
                .filter(state -> state.mailbox().equals(mailbox) && state.folder().equals(folder)).findFirst();
        return new PlanCompiler(server, Clock.fixed(NOW, ZoneOffset.UTC), states).compile(PlanRequest.allJobs(
                files.parse(MAILBOX + rules), SourceRef.of("test.mailrules", rules)));
    }

    @Test
    void afterAnAppliedRunFixedVerdictRulesSeeOnlyNewMailWhileAgeAndFlagRulesSeeTheWholeFolder()
            throws MailboxException {
        mail(1, "ana@corp.com", "a", 1);
        mail(2, "ben@x.com", "b", 40);
        CompiledPlan first = compile(INCREMENTAL_RULES);
        assertEquals(List.of("INBOX addFlags \\Flagged 1", "INBOX move Later 2"), batches(first.plan()));
        FolderState seen = first.folderStates().getFirst();
        assertEquals(2, seen.highestUidSeen());

        mail(3, "cho@corp.com", "c", 0);
        int searchesBefore = inbox.searches().size();
        CompiledPlan second = compileAfter(first, INCREMENTAL_RULES);

        assertEquals(List.of("INBOX addFlags \\Flagged 3", "INBOX move Later 2"), batches(second.plan()),
                "message 1 is not flagged again; message 2 is still old and unread");
        List<SearchKey> sent = inbox.searches().subList(searchesBefore, inbox.searches().size());
        assertTrue(sent.stream().allMatch(key -> key.toString().contains("Uid[uids=3]")
                || key.toString().contains("Before")), "only the new UID and the age rule are searched: " + sent);
    }

    @Test
    void anUnchangedFolderIsNotSearchedForFixedVerdictRulesAndOtherRulesOrARenumberingMeanAFullPass()
            throws MailboxException {
        mail(1, "ana@corp.com", "a", 1);
        CompiledPlan first = compile(INCREMENTAL_RULES);
        int searchesBefore = inbox.searches().size();
        CompiledPlan unchanged = compileAfter(first, INCREMENTAL_RULES);
        assertEquals(List.of(), batches(unchanged.plan()));
        List<SearchKey> sent = inbox.searches().subList(searchesBefore, inbox.searches().size());
        assertEquals(1, sent.size(), "only the age rule's SEARCH: " + sent);

        String otherRules = INCREMENTAL_RULES.replace("then flag", "then mark seen");
        assertEquals(List.of("INBOX addFlags \\Seen 1"), batches(compileAfter(first, otherRules).plan()),
                "changed rules look at every message again");

        FolderState renumbered = new FolderState("m", "INBOX", first.folderStates().getFirst().rulesDigest(),
                first.folderStates().getFirst().uidValidity() + 1, 1, java.util.OptionalLong.empty(),
                first.folderStates().getFirst().evaluatedOn());
        CompiledPlan afterRenumbering = new PlanCompiler(server, Clock.fixed(NOW, ZoneOffset.UTC),
                (account, mailbox, folder) -> java.util.Optional.of(renumbered)).compile(PlanRequest.allJobs(
                        files.parse(MAILBOX + INCREMENTAL_RULES), SourceRef.of("test.mailrules", INCREMENTAL_RULES)));
        assertEquals(List.of("INBOX addFlags \\Flagged 1"), batches(afterRenumbering.plan()),
                "another UIDVALIDITY means a full pass");
    }

    @Test
    void anAgeRuleLooksAtSeenMailOnlyWhenItCrossedTheCutoffSinceTheLastRunsDay() throws MailboxException {
        String rules = """
                rules r for m { rule archive when older than 30 days and subject contains "report" then move to "Old" }
                retention cleanup for m { in "INBOX" keep 60 days then delete }
                """;
        mail(1, "a@x.com", "report 1", 31);
        mail(2, "a@x.com", "report 2", 10);
        CompiledPlan first = compile(rules);
        assertEquals(List.of("INBOX move Old 1"), batches(first.plan()));
        FolderState today = first.folderStates().getFirst();
        FolderState twoDaysAgo = new FolderState(today.mailbox(), today.folder(), today.rulesDigest(),
                today.uidValidity(), today.highestUidSeen(), today.highestModSeq(), today.evaluatedOn().minusDays(2));

        int searchesBefore = inbox.searches().size();
        assertEquals(List.of(), batches(compileWith(today, rules).plan()),
                "message 1 was planned by the run of this day already");
        assertEquals(searchesBefore, inbox.searches().size(), "the same day and no new mail: nothing to search");

        assertEquals(List.of("INBOX move Old 1"), batches(compileWith(twoDaysAgo, rules).plan()),
                "two days ago message 1 was 29 days old; since then it crossed the 30 days");
    }

    private CompiledPlan compileWith(FolderState earlier, String rules) throws MailboxException {
        return new PlanCompiler(server, Clock.fixed(NOW, ZoneOffset.UTC), (account, mailbox, folder) -> Optional.of(earlier))
                .compile(PlanRequest.allJobs(files.parse(MAILBOX + rules), SourceRef.of("test.mailrules", rules)));
    }

    @Test
    void notOverAnInexactConditionIsDecidedLocallyOverTheWholeFolder() throws MailboxException {
        mail(1, "bot@x.com", "a", 1);
        mail(2, "ana@x.com", "b", 1);
        CompiledPlan compiled = compile("""
                rules r for m { rule humans when not from matches /^bot@/ then flag }
                """);
        assertEquals(List.of("INBOX addFlags \\Flagged 2"), batches(compiled.plan()));
        assertEquals("server SEARCH: ALL, then needs header fetch of From because regex",
                compiled.explanations().getFirst().text());
    }

    @Test
    void aRuleMovingIntoItsOwnFolderIsSkipped() throws MailboxException {
        mail(1, "a@x.com", "a", 1);
        Plan plan = compile("""
                rules r for m { rule loop when always then move to "inbox" rule other when always then flag }
                """).plan();
        assertEquals(List.of("r/other"), message(plan, 1).rules());
    }

    @Test
    void unknownJobIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PlanCompiler(server, Clock.fixed(NOW, ZoneOffset.UTC))
                .compile(PlanRequest.job(files.parse(MAILBOX), "nope", SourceRef.of("f", ""))));
    }
}
