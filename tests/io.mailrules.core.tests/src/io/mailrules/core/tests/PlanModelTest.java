package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.UidSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanModelTest {

    @Test
    void countsMessagesPerRuleSortedByName() {
        assertEquals(Map.of("ooo", 1L, "replies", 2L, "vip", 1L), SamplePlans.routing().countsPerRule());
        assertEquals(List.of("cleanup", "ooo", "replies", "vip"),
                List.copyOf(SamplePlans.routingAndRetention().countsPerRule().keySet()));
        assertEquals(7, SamplePlans.routingAndRetention().messageCount());
    }

    @Test
    void aMessageMatchedByTwoRulesCountsForBoth() {
        FolderSnapshot inbox = FolderSnapshot.of("INBOX", 1, 100);
        PlannedMessage both = new PlannedMessage(5, Optional.empty(), Optional.of(SamplePlans.CREATED), "", "", List.of("vip",
                "replies"), List.of(new Action.AddFlags(Flags.of("\\Flagged")), new Action.Move("Replies")));
        MailboxPlan mailbox = new MailboxPlan("m", "h", List.of(), List.of(new FolderPlan(inbox, List.of(both),
                List.of())));
        assertEquals(Map.of("replies", 1L, "vip", 1L), mailbox.countsPerRule());
        assertEquals("replies", both.ruleName());
        assertEquals(Optional.of("Replies"), both.targetFolder());
        assertEquals("add \\Flagged, move to Replies", both.actionSummary());
    }

    @Test
    void folderDeltasFollowMovesAndIgnoreFlagChanges() {
        assertEquals(List.of("AutoReplies +1", "INBOX -3", "Replies +2", "AutoReplies -3", "Trash +3"),
                SamplePlans.routingAndRetention().folderDeltas().stream().map(Object::toString).toList());
        assertEquals("sdr2", SamplePlans.routingAndRetention().folderDeltas().get(3).mailbox());
    }

    @Test
    void copyAddsToTheTargetAndExpungeRemovesFromTheSource() {
        FolderSnapshot inbox = FolderSnapshot.of("INBOX", 1, 100);
        List<PlannedMessage> messages = List.of(SamplePlans.message(1, "r", new Action.Copy("Archive")),
                SamplePlans.message(2, "r", new Action.Expunge()));
        MailboxPlan mailbox = new MailboxPlan("m", "h", List.of(), List.of(new FolderPlan(inbox, messages, List.of(
                SamplePlans.batch(0, "m", inbox, new BatchCommand.Copy("Archive"), UidSet.of(1)),
                SamplePlans.batch(1, "m", inbox, new BatchCommand.Expunge(), UidSet.of(2))))));
        assertEquals("[Archive +1, INBOX -1]", mailbox.folderDeltas().toString());
    }

    @Test
    void foldersToCreateKeepCreationOrderPerMailbox() {
        assertEquals("[sdr1/Replies, sdr1/AutoReplies]", SamplePlans.routingAndRetention().foldersToCreate()
                .toString());
    }

    @Test
    void messagesAreOrderedByUidAndBatchesKeepTheirOrder() {
        FolderPlan inbox = SamplePlans.routing().mailboxes().getFirst().folders().getFirst();
        assertEquals(List.of(1201L, 1202L, 1203L, 1204L), inbox.messages().stream().map(PlannedMessage::uid)
                .toList());
        assertEquals(List.of(0, 1, 2, 3), inbox.batches().stream().map(Batch::sequence).toList());
        assertEquals(UidSet.parse("1201:1204"), inbox.plannedUids());
    }

    @Test
    void batchIdsAreDeterministicAndDependOnContent() {
        Plan plan = SamplePlans.routing();
        List<BatchId> ids = plan.batches().stream().map(Batch::id).toList();
        assertEquals(ids, SamplePlans.routing().batches().stream().map(Batch::id).toList());
        assertEquals(4, ids.stream().distinct().count());
        Batch move = plan.batches().get(3);
        assertTrue(move.id().toString().matches("b3-[0-9a-f]{8}"), move.id().toString());
        Batch otherTarget = Batch.of(3, "sdr1", "INBOX", SamplePlans.INBOX_UIDVALIDITY,
                new BatchCommand.Move("Archive"), move.uids());
        assertNotEquals(move.id(), otherTarget.id());
        assertEquals(move.id(), BatchId.parse(move.id().toString()));
        assertEquals(Optional.of(move), plan.batch(move.id()));
        assertEquals(Optional.empty(), plan.batch(otherTarget.id()));
    }

    @Test
    void onlyTheLastActionMayBeTerminal() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SamplePlans.message(1, "r", new Action.Move("A"), new Action.AddFlags(Flags.of("\\Seen"))));
        assertTrue(error.getMessage().contains("terminal action \"move to A\" must be the last"), error.getMessage());
    }

    @Test
    void terminalActionsAreMoveDeleteExpungeAndStop() {
        assertTrue(new Action.Move("A").isTerminal());
        assertTrue(new Action.Delete("Trash").isTerminal());
        assertTrue(new Action.Expunge().isTerminal());
        assertTrue(new Action.Stop().isTerminal());
        assertFalse(new Action.Copy("A").isTerminal());
        assertFalse(new Action.AddFlags(Flags.of("\\Seen")).isTerminal());
        assertFalse(new Action.RemoveFlags(Flags.of("$Junk")).isTerminal());
    }

    @Test
    void flagsSeparateSystemFlagsFromKeywords() {
        Flags flags = Flags.of("$AutoReply", "\\flagged", "\\Seen", "NonJunk");
        assertEquals("\\Seen \\Flagged $AutoReply NonJunk", flags.toString());
        assertEquals(2, flags.system().size());
        assertEquals(List.of("$AutoReply", "NonJunk"), List.copyOf(flags.keywords()));
        assertThrows(IllegalArgumentException.class, () -> Flags.of("\\Recent"));
        assertThrows(IllegalArgumentException.class, () -> Flags.of("two words"));
    }

    @Test
    void aBatchMustActOnPlannedMessagesOfItsFolder() {
        FolderSnapshot inbox = FolderSnapshot.of("INBOX", 1, 100);
        List<PlannedMessage> messages = List.of(SamplePlans.message(1, "r", new Action.Move("A")));
        Batch beyond = SamplePlans.batch(0, "m", inbox, new BatchCommand.Move("A"), UidSet.of(1, 2));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new FolderPlan(inbox, messages, List.of(beyond)));
        assertTrue(error.getMessage().endsWith("acts on UIDs without a planned message: 2"), error.getMessage());
        Batch otherFolder = Batch.of(0, "m", "Sent", 1, new BatchCommand.Move("A"), UidSet.of(1));
        assertThrows(IllegalArgumentException.class, () -> new FolderPlan(inbox, messages, List.of(otherFolder)));
        assertThrows(IllegalArgumentException.class,
                () -> SamplePlans.batch(0, "m", inbox, new BatchCommand.Move("INBOX"), UidSet.of(1)));
    }

    @Test
    void batchesMustBeNumberedInPlanOrder() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Plan(new PlanId("p"), SamplePlans.CREATED, SamplePlans.SOURCE,
                        List.of(SamplePlans.sdr1Routing(), SamplePlans.sdr2Retention(7))));
        assertTrue(error.getMessage().contains("is number 4 in plan order but has sequence 7"), error.getMessage());
    }

    @Test
    void sourceRefDetectsEditedRules() {
        assertTrue(SamplePlans.SOURCE.matches("rules routing for sdrs {}\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(SamplePlans.SOURCE.matches("rules routing for sdrs { }\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }
}
