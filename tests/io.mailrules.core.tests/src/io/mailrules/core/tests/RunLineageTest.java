package io.mailrules.core.tests;

import static io.mailrules.core.tests.JournalFixtures.START;
import static io.mailrules.core.tests.JournalFixtures.batches;
import static io.mailrules.core.tests.JournalFixtures.done;
import static io.mailrules.core.tests.JournalFixtures.following;
import static io.mailrules.core.tests.JournalFixtures.header;
import static io.mailrules.core.tests.JournalFixtures.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailrules.core.journal.FlagGroup;
import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.TargetMark;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunJournalWriter;
import io.mailrules.core.journal.store.RunLineage;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run and its resumes say together about each batch. */
class RunLineageTest {

    @TempDir
    Path directory;

    /**
     * A resume of an earlier version took a new mark of the target and read the flags anew, after the run's own
     * attempt had already moved mail or set flags: only the run's first intent bounds what any attempt did.
     */
    @Test
    void theFirstIntentOfEachBatchHoldsForEveryLaterAttempt() throws IOException {
        JournalStore store = new JournalStore(directory);
        Batch flag = batches().get(1);
        Batch move = batches().get(3);
        Batch lastMove = batches().get(2);
        RunId run = runId(0, 11);
        IntentRecord flagFirst = IntentRecord.of(run, flag, START, List.of(new FlagGroup(Flags.NONE, flag.uids())));
        IntentRecord moveFirst = IntentRecord.of(run, move, START, List.of(),
                Optional.of(new TargetMark(7, 100)));
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            writer.intent(flagFirst);
            writer.outcome(new OutcomeRecord(run, flag.id(), START, BatchOutcome.failed("NO refused part way")));
            writer.intent(moveFirst);
        }
        RunId resume = runId(1, 12);
        try (RunJournalWriter writer = store.open(following(RunKind.RESUME, run, resume, 1))) {
            writer.intent(IntentRecord.of(resume, flag, START.plusSeconds(60),
                    List.of(new FlagGroup(Flags.of("\\Flagged"), flag.uids()))));
            writer.outcome(done(resume, flag));
            writer.intent(IntentRecord.of(resume, move, START.plusSeconds(61), List.of(),
                    Optional.of(new TargetMark(7, 102))));
            writer.outcome(done(resume, move));
            writer.intent(IntentRecord.of(resume, lastMove, START.plusSeconds(62), List.of(),
                    Optional.of(new TargetMark(7, 104))));
            writer.outcome(done(resume, lastMove));
            writer.finish(RunStatus.COMPLETED, START.plusSeconds(63));
        }

        RunLineage lineage = RunLineage.of(store, resume);
        Map<BatchId, IntentRecord> first = lineage.firstIntents();

        assertEquals(flagFirst, first.get(flag.id()));
        assertEquals(moveFirst, first.get(move.id()));
        assertEquals(Optional.of(new TargetMark(7, 104)), first.get(lastMove.id()).targetMark(),
                "a batch only the resume sent is its own first");
        assertEquals(resume, lineage.batches().stream()
                .filter(attempt -> attempt.intent().batchId().equals(move.id())).findFirst().orElseThrow()
                .intent().runId(), "the attempt that counts is the done one");
        assertEquals(UidSet.of(1203), first.get(flag.id()).flagsBefore().getFirst().uids());
    }
}
