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
 * What earlier journals of the same plan say about its batches: the done ones a resume skips, and the ones sent
 * without an answer, which it reconciles against the server before sending anything more. A failed batch is tried
 * again like one never sent.
 */
record EarlierAttempts(Set<BatchId> done, Map<BatchId, IntentRecord> pending) {

    EarlierAttempts {
        done = Set.copyOf(done);
        pending = Map.copyOf(pending);
    }

    static EarlierAttempts none() {
        return new EarlierAttempts(Set.of(), Map.of());
    }

    static EarlierAttempts of(RunLineage lineage) {
        Set<BatchId> done = new HashSet<>();
        Map<BatchId, IntentRecord> pending = new HashMap<>();
        for (BatchAttempt attempt : lineage.batches()) {
            if (attempt.isDone()) {
                done.add(attempt.intent().batchId());
            } else if (attempt.isPending()) {
                pending.put(attempt.intent().batchId(), attempt.intent());
            }
        }
        return new EarlierAttempts(done, pending);
    }

    boolean isDone(BatchId batch) {
        return done.contains(batch);
    }

    Optional<IntentRecord> pending(BatchId batch) {
        return Optional.ofNullable(pending.get(batch));
    }
}
