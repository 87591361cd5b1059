package io.mailrules.cli.output;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.mailrules.core.check.PlanGate;
import io.mailrules.core.plan.FolderDelta;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.RuleExplanation;

/**
 * The dry run as people read it: per mailbox what each rule matched, how folder sizes change, which folders get
 * created, and every message with the rule that decided it and where it goes.
 */
public final class PlanPrinter {

    private static final int FROM_WIDTH = 32;
    private static final int SUBJECT_WIDTH = 44;

    private final DateTimeFormatter dates;

    /** @param zone the zone message dates are shown in, the user's own */
    public PlanPrinter(ZoneId zone) {
        this.dates = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** @param gate what a run would check each mailbox's plan against; the plan shows what it would refuse */
    public void print(CompiledPlan compiled, PlanGate gate, boolean explain, PrintStream out) {
        print(compiled, gate, explain, true, out);
    }

    /**
     * Counts per rule, folder deltas and folders to create, without the table of messages: what a run that applies
     * its plan at once shows, since its plan carries no From or Subject to list.
     */
    public void printSummary(CompiledPlan compiled, PlanGate gate, PrintStream out) {
        print(compiled, gate, false, false, out);
    }

    private void print(CompiledPlan compiled, PlanGate gate, boolean explain, boolean messages, PrintStream out) {
        Plan plan = compiled.plan();
        out.println("Plan " + plan.id() + " of " + plan.source().file() + ": " + count(plan.messageCount(), "message")
                + " in " + count(plan.mailboxes().size(), "mailbox") + ", " + count(plan.batches().size(), "batch"));
        for (MailboxPlan mailbox : plan.mailboxes()) {
            out.println();
            printMailbox(compiled, mailbox, gate, messages, out);
        }
        if (explain && !compiled.explanations().isEmpty()) {
            out.println();
            out.println("How each rule is evaluated:");
            for (RuleExplanation explanation : compiled.explanations()) {
                out.println("  " + explanation);
            }
        }
    }

    private void printMailbox(CompiledPlan compiled, MailboxPlan mailbox, PlanGate gate, boolean messages,
            PrintStream out) {
        out.println("Mailbox " + mailbox.mailbox() + " (" + mailbox.host() + "): "
                + count(mailbox.messageCount(), "message") + ", " + count(mailbox.batches().size(), "batch"));
        if (mailbox.messageCount() == 0 && mailbox.foldersToCreate().isEmpty()) {
            out.println("  nothing to do");
            return;
        }
        Refusals.printChecks(compiled, mailbox, gate, out);
        Map<String, Long> perRule = mailbox.countsPerRule();
        if (!perRule.isEmpty()) {
            out.println("  Rules:    " + perRule.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        List<FolderDelta> deltas = mailbox.folderDeltas();
        if (!deltas.isEmpty()) {
            out.println("  Folders:  " + deltas.stream().map(FolderDelta::toString).collect(Collectors.joining("  ")));
        }
        if (!mailbox.foldersToCreate().isEmpty()) {
            out.println("  Create:   " + String.join(", ", mailbox.foldersToCreate()));
        }
        for (FolderPlan folder : messages ? mailbox.folders() : List.<FolderPlan>of()) {
            out.println();
            out.println("  In " + folder.folder() + ":");
            Table table = Table.withColumns("DATE", "FROM", "SUBJECT", "RULE", "ACTION", "TARGET");
            for (PlannedMessage message : folder.messages()) {
                table.row(message.internalDate().map(dates::format).orElse("-"), Table.shorten(message.from(), FROM_WIDTH),
                        Table.shorten(message.subject(), SUBJECT_WIDTH), message.ruleName(), message.actionSummary(),
                        message.targetFolder().orElse("-"));
            }
            table.print(out, "  ");
        }
    }

    static String count(long count, String noun) {
        String plural = noun.endsWith("x") || noun.endsWith("ch") ? noun + "es" : noun + "s";
        return count + " " + (count == 1 ? noun : plural);
    }
}
