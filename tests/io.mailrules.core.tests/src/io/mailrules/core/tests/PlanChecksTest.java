package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.check.BlockLimits;
import io.mailrules.core.check.ChangeKind;
import io.mailrules.core.check.ChangeLimit;
import io.mailrules.core.check.ChangeLimits;
import io.mailrules.core.check.Consent;
import io.mailrules.core.check.PlanChecks;
import io.mailrules.core.check.PlanGate;
import io.mailrules.core.check.Refusal;
import io.mailrules.core.check.ServerSupport;
import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.UidSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the checks before a run find in a mailbox's plan, and what the gate lets through. */
class PlanChecksTest {

    private static final ServerSupport COURIER = ServerSupport.of(false, false);

    /** INBOX of {@code folderSize} messages; UIDs from 1 on, each rule given as name and final action, in order. */
    private static MailboxPlan inbox(long folderSize, Object... rulesAndCounts) {
        FolderSnapshot snapshot = FolderSnapshot.of("INBOX", 7, folderSize + 1).withMessages(folderSize);
        List<PlannedMessage> messages = new ArrayList<>();
        List<Batch> batches = new ArrayList<>();
        long uid = 1;
        for (int i = 0; i < rulesAndCounts.length; i += 3) {
            String rule = (String) rulesAndCounts[i];
            Action action = (Action) rulesAndCounts[i + 1];
            int count = (Integer) rulesAndCounts[i + 2];
            UidSet.Builder uids = UidSet.builder();
            for (int n = 0; n < count; n++, uid++) {
                messages.add(SamplePlans.message(uid, rule, action));
                uids.add(uid);
            }
            BatchCommand command = switch (action) {
                case Action.Move move -> new BatchCommand.Move(move.target());
                case Action.Delete delete -> new BatchCommand.Move(delete.trashFolder());
                case Action.Expunge expunge -> new BatchCommand.Expunge();
                case Action.AddFlags add -> new BatchCommand.AddFlags(add.flags());
                case Action.Copy copy -> new BatchCommand.Copy(copy.target());
                default -> throw new IllegalArgumentException(action.describe());
            };
            batches.add(SamplePlans.batch(batches.size(), "sdr1", snapshot, command, uids.build()));
        }
        return new MailboxPlan("sdr1", "imap.example.com", List.of(), List.of(new FolderPlan(snapshot, messages,
                batches)));
    }

    @Test
    void theMessageNamesMailboxFolderRuleCountAndLimit() {
        List<Refusal> refusals = PlanChecks.check(inbox(1600, "purge-old/purge", new Action.Expunge(), 1595),
                BlockLimits.defaults(), ServerSupport.ALL);
        assertEquals(1, refusals.size());
        Refusal.OverLimit over = (Refusal.OverLimit) refusals.getFirst();
        assertEquals(ChangeKind.REMOVE, over.kind());
        assertEquals(1595, over.count());
        assertEquals("mailbox sdr1, folder \"INBOX\": rule purge-old/purge would remove 1595 of 1600 messages"
                + " (99.7%); the limit of 'purge-old' is remove at most 20% and 2000 (the default)", over.message());
    }

    @Test
    void deletesCountAsRemovalsThoughTheyMoveToTrash() {
        assertEquals(List.of(), PlanChecks.check(inbox(10, "cleanup/old", new Action.Delete("Trash"), 2),
                BlockLimits.defaults(), ServerSupport.ALL));
        List<Refusal> refusals = PlanChecks.check(inbox(10, "cleanup/old", new Action.Delete("Trash"), 3),
                BlockLimits.defaults(), ServerSupport.ALL);
        assertEquals(ChangeKind.REMOVE, ((Refusal.OverLimit) refusals.getFirst()).kind());
    }

    @Test
    void flagsAndCopiesAreNotCountedAndMovesHaveTheirOwnLimit() {
        MailboxPlan plan = inbox(10_000, "routing/vip", new Action.AddFlags(Flags.of("\\Flagged")), 9000,
                "routing/copy", new Action.Copy("VIP"), 500, "routing/archive", new Action.Move("Archive"), 500);
        assertEquals(List.of(), PlanChecks.check(plan, BlockLimits.defaults(), ServerSupport.ALL));
        MailboxPlan archive = inbox(10_000, "yearly/INBOX keep 365 days", new Action.Move("Archive/2024"), 5001);
        Refusal.OverLimit over = (Refusal.OverLimit) PlanChecks.check(archive, BlockLimits.defaults(),
                ServerSupport.ALL).getFirst();
        assertEquals(ChangeKind.MOVE, over.kind());
        assertTrue(over.message().contains("would move 5001 of 10000 messages (50.0%)"), over.message());
        assertTrue(over.message().endsWith("is move at most 50% or 5000 (the default)"), over.message());
    }

    @Test
    void eachBlockIsCountedAgainstItsOwnLimits() {
        MailboxPlan plan = inbox(100, "a/x", new Action.Expunge(), 15, "b/y", new Action.Expunge(), 15);
        assertEquals(List.of(), PlanChecks.check(plan, BlockLimits.defaults(), ServerSupport.ALL),
                "15% each, though 30% together");
        BlockLimits tight = new BlockLimits(Map.of("b/y", new BlockLimits.Block("rules 'b'",
                ChangeLimits.DEFAULTS.withRemove(ChangeLimit.messages(10, "set in f.mailrules, line 2")))),
                ChangeLimits.DEFAULTS);
        List<Refusal> refusals = PlanChecks.check(plan, tight, ServerSupport.ALL);
        assertEquals(1, refusals.size());
        assertEquals("mailbox sdr1, folder \"INBOX\": rule b/y would remove 15 of 100 messages (15.0%); the limit"
                + " of rules 'b' is remove at most 10 (set in f.mailrules, line 2)", refusals.getFirst().message());
    }

    @Test
    void rulesOfOneBlockAddUpAndAreNamedWithTheirCounts() {
        MailboxPlan plan = inbox(100, "a/x", new Action.Expunge(), 15, "a/y", new Action.Delete("Trash"), 6);
        Refusal refusal = PlanChecks.check(plan, BlockLimits.defaults(), ServerSupport.ALL).getFirst();
        assertTrue(refusal.message().contains("rules a/x (15), a/y (6) would remove 21 of 100 messages"),
                refusal.message());
    }

    @Test
    void aServerWithoutMoveAndUidplusCannotMoveOrExpungeButCanFlagAndCopy() {
        MailboxPlan plan = inbox(100, "routing/vip", new Action.AddFlags(Flags.of("\\Flagged")), 3,
                "routing/copy", new Action.Copy("VIP"), 1, "routing/bounces", new Action.Move("Bounces"), 2,
                "routing/junk", new Action.Expunge(), 1);
        List<Refusal> refusals = PlanChecks.check(plan, BlockLimits.defaults(), COURIER);
        assertEquals(List.of("move to Bounces", "expunge"), refusals.stream()
                .map(refusal -> ((Refusal.Unsupported) refusal).command()).toList());
        assertEquals("mailbox sdr1, folder \"INBOX\": rule routing/bounces would \"move to Bounces\" 2 messages,"
                + " which the server cannot do safely: the server offers neither MOVE nor UIDPLUS, and the only other"
                + " way (COPY, then EXPUNGE of the whole folder) would also erase messages other mail clients marked"
                + " as deleted", refusals.getFirst().message());
        assertEquals(List.of(), PlanChecks.check(plan, BlockLimits.defaults(), ServerSupport.of(false, true)),
                "UIDPLUS alone moves by copy and UID EXPUNGE");
        assertEquals(1, PlanChecks.check(plan, BlockLimits.defaults(), ServerSupport.of(true, false)).size(),
                "MOVE alone cannot expunge");
    }

    @Test
    void theGateLetsThroughOnlyWhatTheUserAgreedTo() {
        MailboxPlan plan = inbox(100, "routing/vip", new Action.AddFlags(Flags.of("\\Flagged")), 3,
                "routing/bounces", new Action.Move("Bounces"), 2, "purge/all", new Action.Expunge(), 50);
        PlanGate.Verdict none = PlanGate.defaults().check(plan, COURIER);
        assertTrue(none.refused());
        assertEquals(2, none.refusals().size(), "the move and the expunge the server cannot do");
        assertEquals(List.of(), none.leftOut());

        PlanGate.Verdict skipping = PlanGate.defaults().with(new Consent(false, true)).check(plan, COURIER);
        assertFalse(skipping.refused(), "nothing left that the server cannot do, and nothing counted that is left out");
        assertEquals(List.of("move", "expunge"), skipping.leftOut().stream().map(b -> b.command().kind()).toList());

        PlanGate.Verdict large = PlanGate.defaults().with(new Consent(true, false)).check(plan, ServerSupport.ALL);
        assertFalse(large.refused());
        assertEquals(1, large.passed().size(), "the expunge of half the folder, shown as allowed");
        assertTrue(PlanGate.defaults().check(plan, ServerSupport.ALL).refused());
    }

    @Test
    void aFolderSizeTheOldPlanDoesNotRecordIsSaidSo() {
        FolderSnapshot unknown = FolderSnapshot.of("INBOX", 7, 3);
        MailboxPlan plan = new MailboxPlan("sdr1", "h", List.of(), List.of(new FolderPlan(unknown,
                List.of(SamplePlans.message(1, "a/x", new Action.Expunge())),
                List.of(SamplePlans.batch(0, "sdr1", unknown, new BatchCommand.Expunge(), UidSet.of(1))))));
        Refusal refusal = PlanChecks.check(plan, BlockLimits.defaults(), ServerSupport.ALL).getFirst();
        assertEquals(OptionalLong.empty(), ((Refusal.OverLimit) refusal).folderMessages());
        assertTrue(refusal.message().contains("would remove 1 message (the plan does not say how many the folder"
                + " holds; plan again)"), refusal.message());
    }
}
