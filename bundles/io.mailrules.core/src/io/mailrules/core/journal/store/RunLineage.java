package io.mailrules.core.journal.store;

import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.JournalRecord;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run that applied a plan (a plain run or an undo) together with every resume that continued it. The batches
 * of one plan are spread over these journals: what resume skips and what undo reverses is what any of them got
 * done, and a batch none of them finished is pending as its latest attempt says.
 */
public final class RunLineage {

    private final RunJournal root;
    private final List<RunJournal> resumes;
    private final Optional<Plan> plan;

    private RunLineage(RunJournal root, List<RunJournal> resumes, Optional<Plan> plan) {
        this.root = root;
        this.resumes = List.copyOf(resumes);
        this.plan = plan;
    }

    /** The lineage {@code run} belongs to; a resume leads to the run it continued. */
    public static RunLineage of(JournalStore store, RunId run) throws IOException {
        RunJournal root = store.read(run);
        while (root.header().kind() == RunKind.RESUME) {
            root = store.read(root.header().refersTo().orElseThrow());
        }
        Set<RunId> members = new HashSet<>(Set.of(root.runId()));
        List<RunJournal> resumes = new ArrayList<>();
        boolean grown = true;
        List<RunHistoryEntry> runs = store.history().runs();
        while (grown) {
            grown = false;
            for (RunHistoryEntry entry : runs) {
                if (entry.kind() == RunKind.RESUME && !members.contains(entry.runId())
                        && entry.refersTo().filter(members::contains).isPresent()) {
                    members.add(entry.runId());
                    resumes.add(store.read(entry.runId()));
                    grown = true;
                }
            }
        }
        resumes.sort(RunHistoryAssembly.NEWEST_FIRST.reversed());
        return new RunLineage(root, resumes, store.plan(root.runId()));
    }

    /** The plain run or undo whose plan the lineage applies. */
    public RunJournal root() {
        return root;
    }

    /** The resumes, oldest first. */
    public List<RunJournal> resumes() {
        return resumes;
    }

    public Optional<Plan> plan() {
        return plan;
    }

    /** Per batch the attempt that counts, in the order batches were first tried: a done one, else the latest. */
    public List<BatchAttempt> batches() {
        Map<BatchId, BatchAttempt> attempts = new LinkedHashMap<>();
        List<RunJournal> journals = new ArrayList<>(List.of(root));
        journals.addAll(resumes);
        for (RunJournal journal : journals) {
            for (BatchAttempt attempt : journal.batches()) {
                BatchAttempt earlier = attempts.get(attempt.intent().batchId());
                if (earlier == null || !earlier.isDone()) {
                    attempts.put(attempt.intent().batchId(), attempt);
                }
            }
        }
        return List.copyOf(attempts.values());
    }

    /**
     * Per batch its first intent in the lineage. A move's or copy's first mark is below whatever any of its attempts
     * moved, and its first flags are those from before any attempt changed them: what undo and resume go by. (A
     * resume copies both from the attempt it continues, but journals of earlier versions did not always.)
     */
    public Map<BatchId, IntentRecord> firstIntents() {
        Map<BatchId, IntentRecord> first = new LinkedHashMap<>();
        List<RunJournal> journals = new ArrayList<>(List.of(root));
        journals.addAll(resumes);
        for (RunJournal journal : journals) {
            for (JournalRecord record : journal.records()) {
                if (record instanceof IntentRecord intent) {
                    first.putIfAbsent(intent.batchId(), intent);
                }
            }
        }
        return first;
    }

    public Set<BatchId> doneBatchIds() {
        Set<BatchId> done = new HashSet<>();
        batches().stream().filter(BatchAttempt::isDone).forEach(attempt -> done.add(attempt.intent().batchId()));
        return done;
    }

    /** Sent without an answer: the server may or may not have applied them. */
    public List<BatchAttempt> pendingBatches() {
        return batches().stream().filter(BatchAttempt::isPending).toList();
    }
}
