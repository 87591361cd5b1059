package io.mailrules.ui.runs;

import io.mailrules.core.journal.store.BatchAttempt;

/** How a journaled batch reads in the Runs view. */
final class BatchText {

    private BatchText() {
    }

    static String outcome(BatchAttempt batch) {
        if (batch.isPending()) {
            return "pending: sent, no answer recorded";
        }
        return batch.error().map(error -> "failed: " + error).orElse("done");
    }
}
