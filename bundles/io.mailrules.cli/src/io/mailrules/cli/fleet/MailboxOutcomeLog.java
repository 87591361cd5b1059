package io.mailrules.cli.fleet;

import java.util.ArrayList;
import java.util.List;

import io.mailrules.cli.log.Log;
import io.mailrules.cli.log.LogLevel;

/** The {@code mailbox} event of {@code run} and {@code serve}: what a fleet run did in one mailbox. */
public final class MailboxOutcomeLog {

    private MailboxOutcomeLog() {
    }

    /**
     * Logs at info when the mailbox is done, warn when a resume can finish it (or its turn never came), error
     * when it failed.
     *
     * @param context fields that come before the mailbox's, e.g. the schedule and job of a served firing
     */
    public static void write(Log log, MailboxOutcome outcome, Object... context) {
        List<Object> fields = new ArrayList<>(List.of(context));
        fields.addAll(List.of("mailbox", outcome.mailbox(), "status", outcome.status(), "moved",
                outcome.counts().moved(), "flagged", outcome.counts().flagged(), "deleted", outcome.counts().deleted(),
                "batches", outcome.batchesDone() + "/" + outcome.batchesTotal(), "durationMillis",
                outcome.duration().toMillis(), "run", outcome.run().map(run -> run.runId().value()).orElse("-"),
                "error", outcome.error().orElse("-")));
        if (outcome.run().isEmpty() && outcome.status().equals("failed")) {
            fields.addAll(List.of("message", "nothing was changed in mailbox " + outcome.mailbox()));
        }
        log.write(LogLevel.ofExitCode(outcome.exitCode()), "mailbox", fields.toArray());
    }
}
