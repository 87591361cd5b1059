package io.mailrules.cli.fleet;

import java.util.HashMap;
import java.util.Map;

import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.SystemFlag;
import io.mailrules.core.run.BatchReport;
import io.mailrules.core.run.RunResult;

/**
 * Messages a run moved, flagged and deleted, counted from the batches that succeeded, on the UIDs they acted on.
 * A delete goes over the wire as a move to Trash, so the plan's actions tell deletes from moves.
 */
public record ActionCounts(long moved, long flagged, long deleted) {

    public static final ActionCounts NONE = new ActionCounts(0, 0, 0);

    public static ActionCounts of(Plan plan, RunResult result) {
        Map<String, Action> finalActions = new HashMap<>();
        for (MailboxPlan mailbox : plan.mailboxes()) {
            for (FolderPlan folder : mailbox.folders()) {
                for (PlannedMessage message : folder.messages()) {
                    finalActions.put(key(mailbox.mailbox(), folder.folder(), message.uid()), message.actions().getLast());
                }
            }
        }
        long moved = 0;
        long flagged = 0;
        long deleted = 0;
        for (var mailbox : result.mailboxes()) {
            for (BatchReport report : mailbox.batches()) {
                if (!report.outcome().succeeded()) {
                    continue;
                }
                switch (report.batch().command()) {
                    case BatchCommand.Move move -> {
                        for (long uid : report.acted()) {
                            Action last = finalActions.get(key(report.batch().mailbox(), report.batch().folder(), uid));
                            if (last instanceof Action.Delete) {
                                deleted++;
                            } else {
                                moved++;
                            }
                        }
                    }
                    case BatchCommand.Expunge expunge -> deleted += report.acted().size();
                    case BatchCommand.AddFlags add -> {
                        if (add.storedFlags().system().contains(SystemFlag.FLAGGED)) {
                            flagged += report.acted().size();
                        }
                    }
                    default -> {
                        // copies and flag removals neither move, flag nor delete a message
                    }
                }
            }
        }
        return new ActionCounts(moved, flagged, deleted);
    }

    private static String key(String mailbox, String folder, long uid) {
        return mailbox + '\u0000' + folder + '\u0000' + uid;
    }
}
