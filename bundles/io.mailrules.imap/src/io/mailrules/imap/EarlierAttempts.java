package io.mailrules.imap;

import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.store.BatchAttempt;
import io.mailrules.core.journal.store.RunLineage;
import io.mailrules.core.plan.BatchId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What earlier journals of the same plan say about its batches: the done ones a resume skips; the ones sent without
 * an answer, and the moves and copies that failed (a failure may come after some of their parts were carried out),
 * which it reconciles against the server before sending anything more; and for every unfinished batch its first
 * intent, whose flags from before and target mark hold for every later attempt. Any other failed batch is tried
 * again like one never sent.
 *
 * @param unfinished the first intent of each batch not done
 * @param toReconcile the unfinished batches the server may have carried out in part or in full
 */
record EarlierAttempts(Set<BatchId> done, Map<BatchId, IntentRecord> unfinished, Set<BatchId> toReconcile) {

    EarlierAttempts {
        done = Set.copyOf(done);
        unfinished = Map.copyOf(unfinished);
        toReconcile = Set.copyOf(toReconcile);
    }

    static EarlierAttempts none() {
        return new EarlierAttempts(Set.of(), Map.of(), Set.of());
    }

    static EarlierAttempts of(RunLineage lineage) {
        Set<BatchId> done = new HashSet<>();
        Map<BatchId, IntentRecord> unfinished = new HashMap<>();
        Set<BatchId> toReconcile = new HashSet<>();
        Map<BatchId, IntentRecord> first = lineage.firstIntents();
        for (BatchAttempt attempt : lineage.batches()) {
            BatchId batch = attempt.intent().batchId();
            if (attempt.isDone()) {
                done.add(batch);
                continue;
            }
            unfinished.put(batch, first.getOrDefault(batch, attempt.intent()));
            if (attempt.isPending() || attempt.intent().command().target().isPresent()) {
                toReconcile.add(batch);
            }
        }
        return new EarlierAttempts(done, unfinished, toReconcile);
    }

    boolean isDone(BatchId batch) {
        return done.contains(batch);
    }

    /** The first intent of a batch an earlier attempt sent but did not get done. */
    Optional<IntentRecord> firstAttempt(BatchId batch) {
        return Optional.ofNullable(unfinished.get(batch));
    }

    boolean toReconcile(BatchId batch) {
        return toReconcile.contains(batch);
    }
}
