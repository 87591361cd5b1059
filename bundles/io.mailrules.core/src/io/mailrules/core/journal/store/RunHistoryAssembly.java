package io.mailrules.core.journal.store;

import io.mailrules.core.journal.RunKind;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns journals into history entries. A run's status comes from its own journal, except that it becomes undone
 * when the journal of a completed undo names it: the original journal is never rewritten, so the relation lives in
 * the later file and is resolved here. An undo counts as completed also when a resume of it completed.
 */
final class RunHistoryAssembly {

    static final Comparator<RunJournal> NEWEST_FIRST = Comparator
            .comparing((RunJournal journal) -> journal.header().startedAt())
            .thenComparing(journal -> journal.runId().value())
            .reversed();

    private RunHistoryAssembly() {
    }

    /**
     * @param ownStatus each run's status as its own journal and writer lock tell it
     */
    static List<RunHistoryEntry> entries(List<RunJournal> journals, Map<RunId, RunStatus> ownStatus) {
        List<RunJournal> newestFirst = journals.stream().sorted(NEWEST_FIRST).toList();
        Map<RunId, RunId> undoneBy = new HashMap<>();
        Map<RunId, RunId> resumedBy = new HashMap<>();
        Set<RunId> finishedByResume = new HashSet<>();
        for (RunJournal journal : newestFirst) {
            if (journal.header().kind() == RunKind.RESUME && ownStatus.get(journal.runId()) == RunStatus.COMPLETED) {
                journal.header().refersTo().ifPresent(finishedByResume::add);
            }
        }
        for (RunJournal journal : newestFirst) {
            RunId later = journal.runId();
            boolean completed = ownStatus.get(later) == RunStatus.COMPLETED || finishedByResume.contains(later);
            journal.header().refersTo().ifPresent(original -> {
                if (journal.header().kind() == RunKind.UNDO && completed) {
                    undoneBy.putIfAbsent(original, later);
                } else if (journal.header().kind() == RunKind.RESUME) {
                    resumedBy.putIfAbsent(original, later);
                }
            });
        }
        return newestFirst.stream().map(journal -> {
            RunId run = journal.runId();
            Optional<RunId> undo = Optional.ofNullable(undoneBy.get(run));
            RunStatus status = undo.isPresent() ? RunStatus.UNDONE : ownStatus.get(run);
            return RunHistoryEntry.of(journal, status, undo, Optional.ofNullable(resumedBy.get(run)));
        }).toList();
    }
}
