package io.mailrules.core.plan;

import io.mailrules.core.account.MailboxAccount;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A plan's work on one mailbox: the folders to create first (in creation order, parents before children) and the
 * folder plans.
 *
 * @param accountKey the {@link MailboxAccount#key() key} of the account the mailbox was read as; absent in plans
 *        saved before plans recorded it
 */
public record MailboxPlan(String mailbox, String host, List<String> foldersToCreate, List<FolderPlan> folders,
        Optional<String> accountKey) {

    public MailboxPlan {
        Require.name(mailbox, "mailbox");
        Require.name(host, "host");
        Objects.requireNonNull(accountKey, "accountKey");
        if (accountKey.filter(key -> !MailboxAccount.isKey(key)).isPresent()) {
            throw new IllegalArgumentException("mailbox \"" + mailbox + "\": \"" + accountKey.get()
                    + "\" is not an account key (32 lower-case hex digits)");
        }
        foldersToCreate = List.copyOf(foldersToCreate);
        foldersToCreate.forEach(folder -> Require.name(folder, "folder to create"));
        folders = List.copyOf(folders);
        requireDistinct(mailbox, "folder to create", foldersToCreate);
        requireDistinct(mailbox, "folder plan", folders.stream().map(FolderPlan::folder).toList());
        for (FolderPlan folder : folders) {
            for (Batch batch : folder.batches()) {
                if (!batch.mailbox().equals(mailbox)) {
                    throw new IllegalArgumentException("mailbox \"" + mailbox + "\": batch " + batch.id()
                            + " belongs to mailbox \"" + batch.mailbox() + "\"");
                }
            }
        }
    }

    /** A plan part that does not say which account it was read as. */
    public MailboxPlan(String mailbox, String host, List<String> foldersToCreate, List<FolderPlan> folders) {
        this(mailbox, host, foldersToCreate, folders, Optional.empty());
    }

    /** The same work, for a mailbox read as {@code account}. */
    public MailboxPlan of(MailboxAccount account) {
        return new MailboxPlan(mailbox, host, foldersToCreate, folders, Optional.of(account.key()));
    }

    private static void requireDistinct(String mailbox, String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("mailbox \"" + mailbox + "\": " + what + " \"" + name
                        + "\" appears twice");
            }
        }
    }

    public List<Batch> batches() {
        return folders.stream().flatMap(folder -> folder.batches().stream()).toList();
    }

    public long messageCount() {
        return folders.stream().mapToLong(folder -> folder.messages().size()).sum();
    }

    /** Messages matched per rule name, sorted by name; a message matched by two rules counts for both. */
    public SortedMap<String, Long> countsPerRule() {
        SortedMap<String, Long> counts = new TreeMap<>();
        addCountsPerRule(counts);
        return counts;
    }

    void addCountsPerRule(Map<String, Long> counts) {
        for (FolderPlan folder : folders) {
            for (PlannedMessage message : folder.messages()) {
                for (String rule : Set.copyOf(message.rules())) {
                    counts.merge(rule, 1L, Long::sum);
                }
            }
        }
    }

    /**
     * Net change of message count per folder once every batch has run, sorted by folder name; folders whose count
     * does not change are left out. Flag changes do not count, a copy adds to the target only.
     */
    public List<FolderDelta> folderDeltas() {
        SortedMap<String, Long> deltas = new TreeMap<>();
        for (Batch batch : batches()) {
            long count = batch.uids().size();
            switch (batch.command()) {
                case BatchCommand.Move move -> {
                    deltas.merge(batch.folder(), -count, Long::sum);
                    deltas.merge(move.targetFolder(), count, Long::sum);
                }
                case BatchCommand.Copy copy -> deltas.merge(copy.targetFolder(), count, Long::sum);
                case BatchCommand.Expunge expunge -> deltas.merge(batch.folder(), -count, Long::sum);
                case BatchCommand.AddFlags add -> {
                    // flags leave the count alone
                }
                case BatchCommand.RemoveFlags remove -> {
                    // flags leave the count alone
                }
            }
        }
        return deltas.entrySet().stream()
                .filter(entry -> entry.getValue() != 0)
                .map(entry -> new FolderDelta(mailbox, entry.getKey(), entry.getValue()))
                .toList();
    }
}
