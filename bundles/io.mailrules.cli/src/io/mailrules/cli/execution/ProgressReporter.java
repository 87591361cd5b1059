package io.mailrules.cli.execution;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.RunProgress;

/**
 * Tells the user how a run goes on standard error: on a terminal one line redrawn in place, otherwise one
 * {@code key=value} log line per event, so that a scheduler's log says which mailbox, folder, rule and batch did
 * what. Cancellation is a flag the shutdown hook sets; the executor reads it before each batch.
 */
public final class ProgressReporter implements RunProgress {

    private final PrintStream err;
    private final boolean terminal;
    private final Map<BatchId, String> rulesByBatch;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final BooleanSupplier stopRequested;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int total;
    private boolean lineShown;

    public ProgressReporter(Plan plan, PrintStream err, boolean terminal) {
        this(plan, err, terminal, () -> false);
    }

    /** @param stopRequested a stop that concerns more than this plan, e.g. of all mailboxes of a fleet run */
    public ProgressReporter(Plan plan, PrintStream err, boolean terminal, BooleanSupplier stopRequested) {
        this.err = err;
        this.terminal = terminal;
        this.rulesByBatch = rulesByBatch(plan);
        this.stopRequested = stopRequested;
    }

    /** Batches carry UIDs, not rules; the rules are those of the planned messages the batch acts on. */
    private static Map<BatchId, String> rulesByBatch(Plan plan) {
        Map<BatchId, String> rules = new HashMap<>();
        for (MailboxPlan mailbox : plan.mailboxes()) {
            for (FolderPlan folder : mailbox.folders()) {
                Map<Long, String> ruleByUid = new LinkedHashMap<>();
                for (PlannedMessage message : folder.messages()) {
                    ruleByUid.put(message.uid(), message.ruleName());
                }
                for (Batch batch : folder.batches()) {
                    Set<String> names = new TreeSet<>();
                    batch.uids().forEach(uid -> names.add(ruleByUid.getOrDefault(uid, "?")));
                    rules.put(batch.id(), String.join(",", names));
                }
            }
        }
        return rules;
    }

    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get() || stopRequested.getAsBoolean();
    }

    @Override
    public void begin(int totalBatches) {
        total = totalBatches;
    }

    @Override
    public synchronized void batchDone(Batch batch, BatchOutcome outcome) {
        int done = finished.incrementAndGet();
        String action = batch.command().describe();
        if (terminal) {
            err.print("\r\033[K[" + done + "/" + total + "] " + batch.mailbox() + " " + batch.folder() + ": "
                    + action + " (" + batch.uids().size() + ")"
                    + (outcome instanceof BatchOutcome.Failed failed ? " FAILED: " + failed.error() : ""));
            err.flush();
            lineShown = true;
            if (!outcome.succeeded()) {
                endLine();
            }
            return;
        }
        err.println(fields("mailbox", batch.mailbox(), "folder", batch.folder(), "rule",
                rulesByBatch.getOrDefault(batch.id(), "?"), "batch", batch.sequence(), "action",
                action, "count", batch.uids().size(), "outcome", outcome instanceof BatchOutcome.Failed failed
                        ? "failed" : "done")
                + (outcome instanceof BatchOutcome.Failed failed ? " " + fields("error", failed.error()) : ""));
    }

    @Override
    public synchronized void batchesSkipped(String mailbox, String folder, int batches, String reason) {
        endLine();
        err.println(fields("mailbox", mailbox, "folder", folder, "skipped", batches, "reason", reason));
    }

    @Override
    public synchronized void mailboxFailed(String mailbox, String message, int batchesNotSent) {
        endLine();
        err.println(fields("mailbox", mailbox, "failed", message, "notSent", batchesNotSent));
    }

    @Override
    public synchronized void mailboxRefused(String mailbox, String reasons, int batchesNotSent) {
        endLine();
        err.println(fields("mailbox", mailbox, "refused", reasons, "notSent", batchesNotSent));
    }

    /** Ends the redrawn line so that what follows starts on a line of its own. */
    public synchronized void endLine() {
        if (lineShown) {
            err.println();
            lineShown = false;
        }
    }

    /** {@code key=value} pairs, values with spaces or quotes quoted, as log processors split them. */
    public static String fields(Object... keysAndValues) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String value = String.valueOf(keysAndValues[i + 1]);
            if (value.isEmpty() || value.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=')) {
                value = '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
            line.append(i == 0 ? "" : " ").append(keysAndValues[i]).append('=').append(value);
        }
        return line.toString();
    }
}
