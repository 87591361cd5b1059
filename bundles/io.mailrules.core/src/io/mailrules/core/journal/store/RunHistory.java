package io.mailrules.core.journal.store;

import io.mailrules.core.run.RunId;
import java.util.List;
import java.util.Optional;

/**
 * Every run in a journal directory, newest first, and what was wrong with files that could not be read in full.
 */
public record RunHistory(List<RunHistoryEntry> runs, List<JournalProblem> problems) {

    public RunHistory {
        runs = List.copyOf(runs);
        problems = List.copyOf(problems);
    }

    public Optional<RunHistoryEntry> find(RunId run) {
        return runs.stream().filter(entry -> entry.runId().equals(run)).findFirst();
    }
}
