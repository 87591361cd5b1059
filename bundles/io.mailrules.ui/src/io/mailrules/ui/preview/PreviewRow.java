package io.mailrules.ui.preview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlannedMessage;

/**
 * One line of the preview's message table: a planned message and where the plan sends it.
 *
 * @param date absent for a plan made to be applied at once, which reads no dates
 */
public record PreviewRow(String mailbox, String folder, Optional<Instant> date, String from, String subject, String rule,
        String action, String target) {

    /** Every planned message of the plans, in plan order (mailbox, folder, UID). */
    public static List<PreviewRow> of(List<Plan> plans) {
        List<PreviewRow> rows = new ArrayList<>();
        for (Plan plan : plans) {
            for (MailboxPlan mailbox : plan.mailboxes()) {
                for (FolderPlan folder : mailbox.folders()) {
                    for (PlannedMessage message : folder.messages()) {
                        rows.add(new PreviewRow(mailbox.mailbox(), folder.folder(), message.internalDate(),
                                message.from(), message.subject(), message.ruleName(), message.actionSummary(),
                                message.targetFolder().orElse("")));
                    }
                }
            }
        }
        return rows;
    }
}
