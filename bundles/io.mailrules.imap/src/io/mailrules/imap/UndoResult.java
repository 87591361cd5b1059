package io.mailrules.imap;

import io.mailrules.core.run.RunResult;
import java.util.List;
import java.util.Objects;

/**
 * What an undo did: the undo's own run (journaled as a run of kind UNDO, resumable like any run), and the messages
 * it could not put back.
 */
public record UndoResult(RunResult run, List<NotRestored> notRestored) {

    public UndoResult {
        Objects.requireNonNull(run, "run");
        notRestored = List.copyOf(notRestored);
    }

    public List<NotRestored> expunged() {
        return notRestored.stream().filter(gap -> gap.reason() == NotRestored.Reason.EXPUNGED).toList();
    }
}
