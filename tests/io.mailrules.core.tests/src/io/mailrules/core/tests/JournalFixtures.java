package io.mailrules.core.tests;

import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunJournalWriter;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import io.mailrules.core.run.UidMapping;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Runs over {@link SamplePlans#routing()}, written through a real store. */
final class JournalFixtures {
    static final Instant START = Instant.parse("2025-03-01T10:15:30Z");
    static final PlanId PLAN = new PlanId("plan-1");

    private JournalFixtures() {
    }

    static RunId runId(int minutesAfterStart, long nonce) {
        return RunId.startedAt(START.plusSeconds(60L * minutesAfterStart), new UUID(0, nonce));
    }

    static RunHeader header(RunId run, int minutesAfterStart) {
        return RunHeader.run(run, PLAN, "sales.mailrules", List.of("sdr1"), START.plusSeconds(60L * minutesAfterStart));
    }

    static RunHeader following(RunKind kind, RunId original, RunId run, int minutesAfterStart) {
        return RunHeader.following(kind, original, run, PLAN, "sales.mailrules", List.of("sdr1"),
                START.plusSeconds(60L * minutesAfterStart));
    }

    static List<Batch> batches() {
        return SamplePlans.routing().batches();
    }

    static IntentRecord intent(RunId run, Batch batch) {
        return IntentRecord.of(run, batch, START.plusSeconds(batch.id().sequence()), List.of());
    }

    /** A successful outcome; moves get a COPYUID mapping onto UIDs from 17 up, as a server would report. */
    static OutcomeRecord done(RunId run, Batch batch) {
        BatchOutcome outcome = batch.command() instanceof BatchCommand.Move
                ? BatchOutcome.done(UidMapping.fromCopyUid(batch.uids().toString(),
                        "17:" + (16 + batch.uids().size())))
                : BatchOutcome.done();
        return new OutcomeRecord(run, batch.id(), START.plusSeconds(batch.id().sequence() + 1), outcome);
    }

    /** Writes every batch of the sample plan as done and closes the run as completed. */
    static void completedRun(JournalStore store, RunHeader header) throws IOException {
        try (RunJournalWriter writer = store.open(header)) {
            for (Batch batch : batches()) {
                writer.intent(intent(header.runId(), batch));
                writer.outcome(done(header.runId(), batch));
            }
            writer.finish(RunStatus.COMPLETED, header.startedAt().plusSeconds(30));
        }
    }
}
