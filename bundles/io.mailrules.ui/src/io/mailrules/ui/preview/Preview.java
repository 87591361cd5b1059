package io.mailrules.ui.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.mailrules.core.check.PlanGate;
import io.mailrules.core.check.Refusal;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.FolderDelta;
import io.mailrules.core.plan.FolderRef;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;

/**
 * A finished dry run of a rules file: one {@link MailboxPreview} per targeted mailbox, in the file's order, and the
 * plan Apply sends, so what the view shows is what runs.
 *
 * @param file the rules file's workspace path, as the view's title shows it
 * @param gate what Apply checks each mailbox's plan against before sending anything, without the user's consent
 */
public record Preview(String file, List<MailboxPreview> mailboxes, Optional<Plan> plan, PlanGate gate) {

    public Preview {
        Objects.requireNonNull(file, "file");
        mailboxes = List.copyOf(mailboxes);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(gate, "gate");
    }

    /**
     * The dry runs of the mailboxes that could be read, combined into the one plan Apply runs, so that one apply is
     * one run in the journal, undone and resumed as a whole.
     *
     * @param id the combined plan's id
     */
    public static Preview of(String file, List<MailboxPreview> mailboxes, PlanId id, PlanGate gate) {
        List<Plan> plans = mailboxes.stream().flatMap(mailbox -> mailbox.plan().stream()).toList();
        return new Preview(file, mailboxes, plans.isEmpty() ? Optional.empty() : Optional.of(Plan.combine(id, plans)),
                gate);
    }

    /**
     * What Apply would refuse, mailbox by mailbox, before sending anything: a block going past its change limits,
     * or a command the server cannot carry out safely. Apply asks before going past any of them.
     */
    public List<Refusal> refusals() {
        List<Refusal> refusals = new ArrayList<>();
        for (MailboxPreview mailbox : mailboxes) {
            for (Plan plan : mailbox.plan().stream().toList()) {
                for (MailboxPlan part : plan.mailboxes()) {
                    refusals.addAll(gate.check(part, mailbox.server()).refusals());
                }
            }
        }
        return refusals;
    }

    /** The mailboxes Apply would refuse without the user's consent. */
    public Set<String> refusedMailboxes() {
        return refusals().stream().map(Refusal::mailbox).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The plan Apply runs, as one list for the summaries; empty when no mailbox could be read. */
    public List<Plan> plans() {
        return plan.stream().toList();
    }

    public List<PreviewRow> rows() {
        return PreviewRow.of(plans());
    }

    public long messageCount() {
        return plans().stream().mapToLong(Plan::messageCount).sum();
    }

    /** Whether Apply has anything to send: a batch, or a folder to create. */
    public boolean hasWork() {
        return plans().stream().anyMatch(plan -> !plan.batches().isEmpty() || !plan.foldersToCreate().isEmpty());
    }

    /** Messages per rule over every mailbox, by rule name: the rule that decided each message. */
    public SortedMap<String, Long> countsPerRule() {
        SortedMap<String, Long> counts = new TreeMap<>();
        for (PreviewRow row : rows()) {
            counts.merge(row.rule(), 1L, Long::sum);
        }
        return counts;
    }

    /** Planned messages per source folder, as {@code mailbox/folder}. */
    public SortedMap<String, Long> countsPerFolder() {
        SortedMap<String, Long> counts = new TreeMap<>();
        for (PreviewRow row : rows()) {
            counts.merge(row.mailbox() + "/" + row.folder(), 1L, Long::sum);
        }
        return counts;
    }

    public List<FolderDelta> folderDeltas() {
        return plans().stream().flatMap(plan -> plan.folderDeltas().stream()).toList();
    }

    public List<FolderRef> foldersToCreate() {
        return plans().stream().flatMap(plan -> plan.foldersToCreate().stream()).toList();
    }

    /**
     * What the user must know before applying: messages that an undo cannot bring back, mailboxes that could not
     * be previewed (and so are not applied), and messages a rule could not decide (and so are left alone).
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (MailboxPreview mailbox : mailboxes) {
            mailbox.failure().ifPresent(why -> warnings.add(mailbox.mailbox() + " was not previewed and will not be"
                    + " applied: " + why));
            warnings.addAll(mailbox.warnings());
        }
        for (Plan plan : plans()) {
            for (Batch batch : plan.irreversibleBatches()) {
                warnings.add(batch.uids().size() + " message(s) in " + batch.mailbox() + "/" + batch.folder()
                        + " are expunged: permanent, an undo cannot restore them");
            }
        }
        return warnings;
    }

    /** The mailbox plans by mailbox name, for the per-mailbox summary. */
    public Map<String, MailboxPlan> mailboxPlans() {
        Map<String, MailboxPlan> plans = new java.util.LinkedHashMap<>();
        for (Plan plan : plans()) {
            plan.mailboxes().forEach(mailbox -> plans.put(mailbox.mailbox(), mailbox));
        }
        return plans;
    }
}
