package io.mailrules.cli.fleet;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.mailrules.cli.ExitCode;
import io.mailrules.cli.execution.MailWiring;
import io.mailrules.cli.log.Log;
import io.mailrules.cli.execution.ProgressReporter;
import io.mailrules.cli.execution.RunExitCode;
import io.mailrules.cli.execution.StopSignal;
import io.mailrules.cli.output.Refusals;
import io.mailrules.cli.output.RunPrinter;
import io.mailrules.core.check.PlanGate;
import io.mailrules.core.account.MailboxLocks;
import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.incremental.FolderStateStore;
import io.mailrules.core.incremental.FolderStates;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.BatchReport;
import io.mailrules.core.run.MailboxReport;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.source.MailboxBusyException;
import io.mailrules.core.source.MailboxException;
import io.mailrules.engine.AppliedFolders;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanRequest;
import io.mailrules.imap.LockingLogins;
import io.mailrules.imap.MailboxLogins;

/**
 * Plans and applies a request mailbox by mailbox, several at once: each mailbox gets its own plan, session and
 * journaled run, so a mailbox that refuses the login, cannot be reached or answers slowly holds up only its own
 * worker. The rules model is only read here, and fully resolved when it was validated, so workers share it.
 */
public final class FleetRun {

    private final MailWiring wiring;
    private final PlanGate gate;
    private final MailboxLogins logins;
    private final JournalStore journals;
    private final int parallel;
    private final Log log;
    private final StopSignal stop;
    private final MailboxLocks locks;
    private final FolderStates earlierRuns;
    private final Optional<FolderStateStore> remembered;

    /**
     * @param gate what each mailbox's plan is checked against before anything is sent to the mailbox
     * @param log where batch log lines and per-mailbox failures go (standard error)
     * @param locks the mailbox locks each mailbox's worker holds from its plan to its last batch; a mailbox another
     *        writer keeps busy for longer than they wait fails as {@code busy}
     */
    public FleetRun(MailWiring wiring, PlanGate gate, MailboxLogins logins, JournalStore journals, int parallel,
            Log log, StopSignal stop, MailboxLocks locks) {
        this.wiring = wiring;
        this.gate = gate;
        this.logins = logins;
        this.journals = journals;
        this.parallel = parallel;
        this.log = log;
        this.stop = stop;
        this.locks = locks;
        this.earlierRuns = FolderStates.NONE;
        this.remembered = Optional.empty();
    }

    private FleetRun(FleetRun fleet, FolderStates earlierRuns, FolderStateStore remembered) {
        this.wiring = fleet.wiring;
        this.gate = fleet.gate;
        this.logins = fleet.logins;
        this.journals = fleet.journals;
        this.parallel = fleet.parallel;
        this.log = fleet.log;
        this.stop = fleet.stop;
        this.locks = fleet.locks;
        this.earlierRuns = earlierRuns;
        this.remembered = Optional.of(remembered);
    }

    /**
     * The same fleet run, incremental: mailboxes are planned against what {@code earlierRuns} saw, and the folders
     * each mailbox's run finished are remembered in {@code remembered} for the next run.
     */
    public FleetRun incremental(FolderStates earlierRuns, FolderStateStore remembered) {
        return new FleetRun(this, earlierRuns, remembered);
    }

    /**
     * @param mailboxes the request's target mailboxes ({@link PlanRequest#targetMailboxes()})
     * @return one outcome per mailbox, in the order given
     */
    public FleetResult run(PlanRequest request, List<String> mailboxes, FleetListener listener)
            throws InterruptedException {
        return new FleetResult(Parallel.map(mailboxes, parallel,
                mailbox -> runOne(request.forMailbox(mailbox), mailbox, listener),
                (mailbox, bug) -> MailboxOutcome.failed(mailbox, "internal error: " + bug, Duration.ZERO,
                        ExitCode.INTERNAL_ERROR)));
    }

    private MailboxOutcome runOne(PlanRequest request, String mailbox, FleetListener listener) {
        if (stop.isStopped()) {
            MailboxOutcome outcome = MailboxOutcome.notStarted(mailbox);
            report(listener, outcome, Optional.empty());
            return outcome;
        }
        long started = System.nanoTime();
        // The mailbox's lock is taken at its first login and held until its plan is applied and remembered.
        try (LockingLogins locked = new LockingLogins(logins, locks)) {
            CompiledPlan compiled;
            try {
                // Applied at once, so the plan needs no preview rows (From, Subject, Message-ID) per message.
                compiled = wiring.planToApply(request.forApplying(), locked, earlierRuns);
            } catch (MailboxException e) {
                wiring.release(mailbox);
                // As for a single mailbox: a folder the rules read that the server lacks is the rules' problem.
                MailboxOutcome outcome = e instanceof MailboxBusyException
                        ? MailboxOutcome.busy(mailbox, e.getMessage(), since(started))
                        : MailboxOutcome.failed(mailbox, e.getMessage(), since(started),
                                e.isConnectionProblem() ? ExitCode.CONNECTION_OR_AUTH : ExitCode.RULE_ERRORS);
                report(listener, outcome, Optional.empty());
                return outcome;
            }
            if (!compiled.notPlanned().isEmpty()) {
                wiring.release(mailbox);
                MailboxOutcome outcome = MailboxOutcome.failed(mailbox, compiled.notPlanned().getFirst().getMessage(),
                        since(started), ExitCode.RULE_ERRORS);
                report(listener, outcome, Optional.empty());
                return outcome;
            }
            Plan plan = compiled.plan();
            if (plan.batches().isEmpty() && plan.foldersToCreate().isEmpty()) {
                wiring.release(mailbox);
                MailboxOutcome outcome = MailboxOutcome.nothingToDo(mailbox, since(started));
                remember(AppliedFolders.done(compiled, Optional.empty()));
                report(listener, outcome, Optional.of(compiled));
                return outcome;
            }
            MailboxOutcome outcome;
            try {
                RunResult result = wiring.apply(plan, gate, locked, journals,
                        new ProgressReporter(plan, log, stop::isStopped));
                outcome = applied(mailbox, plan, result, since(started));
                remember(AppliedFolders.done(compiled, Optional.of(result)));
            } catch (IOException e) {
                outcome = MailboxOutcome.failed(mailbox, "cannot write the journal in " + journals.directory() + ": "
                        + e.getMessage() + "; the run stopped before its next batch", since(started),
                        ExitCode.PARTIAL_RUN);
            }
            report(listener, outcome, Optional.of(compiled));
            return outcome;
        }
    }

    /** A state that cannot be written only costs the next run a full pass; the run itself went through. */
    private void remember(List<FolderState> done) {
        if (remembered.isEmpty()) {
            return;
        }
        try {
            remembered.get().record(done);
        } catch (IOException e) {
            log.warn("statesNotSaved", "error", e.getMessage(), "message",
                    "cannot remember what this run saw; the next run looks at every message again");
        }
    }

    private static MailboxOutcome applied(String mailbox, Plan plan, RunResult result, Duration duration) {
        Optional<String> error = result.mailboxes().stream().map(FleetRun::problem).flatMap(Optional::stream)
                .findFirst();
        return new MailboxOutcome(mailbox, result.status().name().toLowerCase(java.util.Locale.ROOT),
                ActionCounts.of(plan, result), result.batchesDone(), plan.batches().size(), duration, error,
                Optional.of(result), RunExitCode.of(result));
    }

    private static Optional<String> problem(MailboxReport report) {
        if (report.failure().isPresent()) {
            return report.failure();
        }
        if (report.isRefused()) {
            return Optional.of(Refusals.summary(report.refusals()));
        }
        Optional<String> refused = report.refusedFolders().stream().findFirst().map(RunPrinter::folderProblem);
        if (refused.isPresent()) {
            return refused;
        }
        return report.batches().stream().map(BatchReport::outcome)
                .filter(BatchOutcome.Failed.class::isInstance).map(BatchOutcome.Failed.class::cast)
                .map(BatchOutcome.Failed::error).findFirst();
    }

    private synchronized void report(FleetListener listener, MailboxOutcome outcome, Optional<CompiledPlan> plan) {
        listener.finished(outcome, plan);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
