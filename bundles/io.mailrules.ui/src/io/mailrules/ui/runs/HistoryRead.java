package io.mailrules.ui.runs;

import java.io.IOException;
import java.util.Optional;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistory;

/**
 * The journal's run history, read off the UI thread (a journal directory of many runs takes a while the first time),
 * or why it could not be read.
 */
public record HistoryRead(Optional<RunHistory> history, Optional<IOException> failure) {

    public static HistoryRead of(JournalStore journals) {
        try {
            return new HistoryRead(Optional.of(journals.history()), Optional.empty());
        } catch (IOException e) {
            return new HistoryRead(Optional.empty(), Optional.of(e));
        }
    }
}
