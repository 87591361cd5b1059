package io.mailrules.core.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A dry run's result, complete enough to be saved and applied later: per mailbox the folders to create, and per
 * folder the snapshot, the planned messages and the batches. Batches are numbered 0, 1, 2, ... across the whole
 * plan in mailbox, folder and batch order, which is also the order they run in.
 */
public record Plan(PlanId id, Instant createdAt, SourceRef source, List<MailboxPlan> mailboxes) {

    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(source, "source");
        mailboxes = List.copyOf(mailboxes);
        Set<String> names = new HashSet<>();
        int expectedSequence = 0;
        for (MailboxPlan mailbox : mailboxes) {
            if (!names.add(mailbox.mailbox())) {
                throw new IllegalArgumentException("mailbox \"" + mailbox.mailbox() + "\" appears twice");
            }
            for (Batch batch : mailbox.batches()) {
                if (batch.sequence() != expectedSequence) {
                    throw new IllegalArgumentException("batch " + batch.id() + " is number " + expectedSequence
                            + " in plan order but has sequence " + batch.sequence());
                }
                expectedSequence++;
            }
        }
    }

    /**
     * One plan of several plans of the same rules file, e.g. the dry runs of its mailboxes made one by one: their
     * mailboxes in the given order, batches renumbered to run in that order, messages and snapshots unchanged.
     *
     * @throws IllegalArgumentException when the plans come from different files or share a mailbox
     */
    public static Plan combine(PlanId id, List<Plan> plans) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("no plans to combine");
        }
        SourceRef source = plans.getFirst().source();
        ArrayList<MailboxPlan> mailboxes = new ArrayList<>();
        int sequence = 0;
        for (Plan plan : plans) {
            if (!plan.source().equals(source)) {
                throw new IllegalArgumentException("plan " + plan.id() + " is of " + plan.source().file()
                        + ", not of " + source.file());
            }
            for (MailboxPlan mailbox : plan.mailboxes()) {
                ArrayList<FolderPlan> folders = new ArrayList<>();
                for (FolderPlan folder : mailbox.folders()) {
                    ArrayList<Batch> batches = new ArrayList<>();
                    for (Batch batch : folder.batches()) {
                        batches.add(Batch.of(sequence++, batch.mailbox(), batch.folder(), batch.uidValidity(),
                                batch.command(), batch.uids()));
                    }
                    folders.add(new FolderPlan(folder.snapshot(), folder.messages(), batches));
                }
                mailboxes.add(new MailboxPlan(mailbox.mailbox(), mailbox.host(), mailbox.foldersToCreate(), folders,
                        mailbox.accountKey()));
            }
        }
        Instant created = plans.stream().map(Plan::createdAt).min(Instant::compareTo).orElseThrow();
        return new Plan(id, created, source, mailboxes);
    }

    /** All batches in the order they run. */
    public List<Batch> batches() {
        return mailboxes.stream().flatMap(mailbox -> mailbox.batches().stream()).toList();
    }

    public Optional<Batch> batch(BatchId batchId) {
        List<Batch> batches = batches();
        if (batchId.sequence() >= batches.size()) {
            return Optional.empty();
        }
        Batch batch = batches.get(batchId.sequence());
        return batch.id().equals(batchId) ? Optional.of(batch) : Optional.empty();
    }

    /**
     * The batches whose effect no undo can reverse: expunges remove messages for good. A preview should warn about
     * them before the run, since an undo of the run will report their messages as lost.
     */
    public List<Batch> irreversibleBatches() {
        return batches().stream().filter(batch -> batch.command() instanceof BatchCommand.Expunge).toList();
    }

    public long messageCount() {
        return mailboxes.stream().mapToLong(MailboxPlan::messageCount).sum();
    }

    /** Messages matched per rule over all mailboxes, sorted by rule name. */
    public SortedMap<String, Long> countsPerRule() {
        SortedMap<String, Long> counts = new TreeMap<>();
        mailboxes.forEach(mailbox -> mailbox.addCountsPerRule(counts));
        return counts;
    }

    /** Folder deltas of every mailbox, in mailbox order and within it by folder name. */
    public List<FolderDelta> folderDeltas() {
        return mailboxes.stream().flatMap(mailbox -> mailbox.folderDeltas().stream()).toList();
    }

    /** Folders created before any batch runs, in mailbox order and within it in creation order. */
    public List<FolderRef> foldersToCreate() {
        return mailboxes.stream()
                .flatMap(mailbox -> mailbox.foldersToCreate().stream()
                        .map(folder -> new FolderRef(mailbox.mailbox(), folder)))
                .toList();
    }
}
