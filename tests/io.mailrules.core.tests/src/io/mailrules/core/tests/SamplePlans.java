package io.mailrules.core.tests;

import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.core.plan.UidSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Small hand-made plans whose counts and deltas can be worked out by reading them. */
final class SamplePlans {
    static final long INBOX_UIDVALIDITY = 1_700_000_000L;
    static final Instant CREATED = Instant.parse("2025-03-01T10:15:30Z");
    static final SourceRef SOURCE = SourceRef.of("sales.mailrules", "rules routing for sdrs {}\n");

    private SamplePlans() {
    }

    /**
     * sdr1/INBOX: two replies go to Replies, an auto-reply is tagged and goes to AutoReplies, a VIP mail is flagged
     * and stays.
     */
    static Plan routing() {
        return new Plan(new PlanId("plan-1"), CREATED, SOURCE, List.of(sdr1Routing()));
    }

    /** {@link #routing()} plus sdr2, whose old auto-replies are deleted to Trash. */
    static Plan routingAndRetention() {
        return new Plan(new PlanId("plan-2"), CREATED, SOURCE, List.of(sdr1Routing(), sdr2Retention(4)));
    }

    static MailboxPlan sdr1Routing() {
        FolderSnapshot inbox = FolderSnapshot.of("INBOX", INBOX_UIDVALIDITY, 1205, 88123);
        List<PlannedMessage> messages = List.of(
                message(1204, "replies", new Action.Move("Replies")),
                message(1201, "replies", new Action.Move("Replies")),
                new PlannedMessage(1202, Optional.empty(), Optional.of(Instant.parse("2025-02-28T09:05:00Z")),
                        "Auto <auto@customer.com>", "Out of office: back Monday", List.of("ooo"),
                        List.of(new Action.AddFlags(Flags.of("$AutoReply")), new Action.Move("AutoReplies"))),
                message(1203, "vip", new Action.AddFlags(Flags.of("\\Flagged"))));
        List<Batch> batches = List.of(
                batch(0, "sdr1", inbox, new BatchCommand.AddFlags(Flags.of("$AutoReply")), UidSet.of(1202)),
                batch(1, "sdr1", inbox, new BatchCommand.AddFlags(Flags.of("\\Flagged")), UidSet.of(1203)),
                batch(2, "sdr1", inbox, new BatchCommand.Move("AutoReplies"), UidSet.of(1202)),
                batch(3, "sdr1", inbox, new BatchCommand.Move("Replies"), UidSet.of(1201, 1204)));
        return new MailboxPlan("sdr1", "imap.example.com", List.of("Replies", "AutoReplies"),
                List.of(new FolderPlan(inbox, messages, batches)));
    }

    static MailboxPlan sdr2Retention(int firstSequence) {
        FolderSnapshot autoReplies = FolderSnapshot.of("AutoReplies", 42, 10);
        List<PlannedMessage> messages = List.of(
                message(5, "cleanup", new Action.Delete("Trash")),
                message(6, "cleanup", new Action.Delete("Trash")),
                message(7, "cleanup", new Action.Delete("Trash")));
        return new MailboxPlan("sdr2", "imap.example.com", List.of(), List.of(new FolderPlan(autoReplies, messages,
                List.of(batch(firstSequence, "sdr2", autoReplies, new BatchCommand.Move("Trash"),
                        UidSet.range(5, 7))))));
    }

    static PlannedMessage message(long uid, String rule, Action... actions) {
        return new PlannedMessage(uid, Optional.of("<m" + uid + "@customer.com>"),
                Optional.of(Instant.parse("2025-02-28T09:00:00Z").plusSeconds(uid)), "Bo <bo@customer.com>", "Re: pricing " + uid,
                List.of(rule), List.of(actions));
    }

    static Batch batch(int sequence, String mailbox, FolderSnapshot snapshot, BatchCommand command, UidSet uids) {
        return Batch.of(sequence, mailbox, snapshot.folder(), snapshot.uidValidity(), command, uids);
    }
}
