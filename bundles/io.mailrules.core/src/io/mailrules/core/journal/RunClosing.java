package io.mailrules.core.journal;

import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The last line of a run that ended on its own terms. A journal without one belongs to a run that was killed or is
 * still being written.
 *
 * @param status how the run ended; {@link RunStatus#INTERRUPTED} when it stopped deliberately with batches left
 *        (cancelled, connection lost), so a resume is offered just as after a crash
 */
public record RunClosing(RunId runId, Instant at, RunStatus status) implements JournalEntry {

    /** Planned and running are not endings, and undone is said by the undo run's journal, not by this one. */
    private static final Set<RunStatus> FINAL_STATUSES =
            Set.of(RunStatus.COMPLETED, RunStatus.PARTIAL, RunStatus.FAILED, RunStatus.INTERRUPTED, RunStatus.REFUSED);

    public RunClosing {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        if (!FINAL_STATUSES.contains(status)) {
            throw new IllegalArgumentException("run " + runId + " cannot end as " + status
                    + "; expected COMPLETED, PARTIAL, FAILED, INTERRUPTED or REFUSED");
        }
    }
}
