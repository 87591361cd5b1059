package io.mailrules.cli.execution;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.mailrules.cli.Console;
import io.mailrules.cli.log.Log;
import io.mailrules.cli.log.LogFormat;
import io.mailrules.cli.log.LogValues;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.RunProgress;

/**
 * Tells the user how a run goes on standard error: on a terminal, when the log is text, one line redrawn in place;
 * otherwise one log line per event, so that a scheduler's log says which mailbox, folder, rule and batch did what.
 * Cancellation is a flag the shutdown hook sets; the executor reads it before each batch.
 */
public final class ProgressReporter implements RunProgress {

    private final Log log;
    private final Optional<PrintStream> terminal;
    private final Map<BatchId, String> rulesByBatch;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final BooleanSupplier stopRequested;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int total;
    private boolean lineShown;

    /** Log lines only, e.g. for the mailboxes of a fleet run, which work side by side. */
    public ProgressReporter(Plan plan, Log log, BooleanSupplier stopRequested) {
        this(plan, log, Optional.empty(), stopRequested);
    }

    private ProgressReporter(Plan plan, Log log, Optional<PrintStream> terminal, BooleanSupplier stopRequested) {
        this.log = log;
        this.terminal = terminal;
        this.rulesByBatch = rulesByBatch(plan);
        this.stopRequested = stopRequested;
    }

    /** A progress line where a person watches standard error and asked for no JSON, else log lines. */
    public static ProgressReporter of(Plan plan, Console console) {
        boolean redraw = console.terminal() && console.log().format() == LogFormat.TEXT;
        return new ProgressReporter(plan, console.log(), redraw ? Optional.of(console.err()) : Optional.empty(),
                () -> false);
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
        if (terminal.isPresent()) {
            PrintStream err = terminal.get();
            // Folder names and server answers are shown escaped: a control sequence in them must not redraw more.
            err.print("\r\033[K[" + done + "/" + total + "] " + LogValues.escape(batch.mailbox() + " "
                    + batch.folder() + ": " + action + " (" + batch.uids().size() + ")"
                    + (outcome instanceof BatchOutcome.Failed failed ? " FAILED: " + failed.error() : "")));
            err.flush();
            lineShown = true;
            if (!outcome.succeeded()) {
                endLine();
            }
            return;
        }
        Object[] fields = {"mailbox", batch.mailbox(), "folder", batch.folder(), "rule",
                rulesByBatch.getOrDefault(batch.id(), "?"), "batch", batch.sequence(), "action", action, "count",
                batch.uids().size(), "outcome", outcome.succeeded() ? "done" : "failed"};
        if (outcome instanceof BatchOutcome.Failed failed) {
            log.error("batch", append(fields, "error", failed.error()));
        } else {
            log.info("batch", fields);
        }
    }

    @Override
    public synchronized void batchesSkipped(String mailbox, String folder, int batches, String reason) {
        endLine();
        log.warn("batchesSkipped", "mailbox", mailbox, "folder", folder, "skipped", batches, "reason", reason);
    }

    @Override
    public synchronized void mailboxFailed(String mailbox, String message, int batchesNotSent) {
        endLine();
        log.error("mailboxFailed", "mailbox", mailbox, "error", message, "notSent", batchesNotSent);
    }

    /** Ends the redrawn line so that what follows starts on a line of its own. */
    public synchronized void endLine() {
        if (lineShown) {
            terminal.orElseThrow().println();
            lineShown = false;
        }
    }

    private static Object[] append(Object[] fields, Object... more) {
        Object[] all = Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }
}
