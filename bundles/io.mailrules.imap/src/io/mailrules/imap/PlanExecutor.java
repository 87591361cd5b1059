package io.mailrules.imap;

import io.mailrules.core.check.PlanGate;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunJournalWriter;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.MailboxReport;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunProgress;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.run.RunStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a plan exactly as it was previewed: the plan's batches, on the plan's UIDs, in the plan's order, and
 * nothing else. A folder whose UIDVALIDITY changed since the plan is refused, UIDs that left their folder are
 * skipped, and mail that arrived after the plan is never touched. Every batch is journaled before its command is
 * sent and after its answer; one failing mailbox never stops the others.
 * <p>
 * The journal closes as COMPLETED when every batch succeeded; INTERRUPTED when the run was cancelled or a connection
 * broke before every batch was tried (between a batch's intent and its answer, or between batches), so that a resume
 * is offered; REFUSED when a check on the plan refused every mailbox before anything was sent; otherwise PARTIAL when
 * any batch or mailbox succeeded and FAILED when none did. Mailboxes run one after the other; each runs in its own
 * session and shares only the journal, so they can be run in parallel later.
 */
public final class PlanExecutor {

    private final ImapConnector connector;
    private final MailboxLogins logins;
    private final JournalStore journals;
    private final Clock clock;
    private final Optional<WarmSessions> warm;

    /**
     * @param connector carries the connector options and the host connection limiter shared with whatever else talks
     *        to the same servers
     */
    public PlanExecutor(ImapConnector connector, MailboxLogins logins, JournalStore journals, Clock clock) {
        this(connector, logins, journals, clock, Optional.empty());
    }

    /** @param warm the session the dry run just used, taken for its mailbox instead of logging in again */
    public PlanExecutor(ImapConnector connector, MailboxLogins logins, JournalStore journals, Clock clock,
            Optional<WarmSessions> warm) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.journals = Objects.requireNonNull(journals, "journals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warm = Objects.requireNonNull(warm, "warm");
    }

    /**
     * @throws IOException when the journal cannot be written; the run stops at once, since no command may be sent
     *         without its intent on disk, and its journal then reads as interrupted
     */
    public RunResult apply(Plan plan, RunProgress progress) throws IOException {
        return apply(plan, PlanGate.defaults(), progress);
    }

    /**
     * Applies a plan after checking each mailbox's part against {@code gate} in the mailbox's own session, before
     * anything is sent to it: a mailbox the gate refuses gets a refusal in the journal and nothing else, while the
     * others run.
     *
     * @throws IOException as {@link #apply(Plan, RunProgress)}
     */
    public RunResult apply(Plan plan, PlanGate gate, RunProgress progress) throws IOException {
        return execute(plan, RunKind.RUN, Optional.empty(), EarlierAttempts.none(), Optional.of(gate), progress);
    }

    /**
     * Applies a plan as a run of {@code kind}: a plain run or an undo stores the plan with its journal, so a resume
     * can finish it; a resume works on the plan of {@code refersTo}'s lineage and sends only what {@code earlier}
     * leaves. Undo and resume are not checked: an undo puts back what a run did, a resume finishes a checked run.
     */
    RunResult execute(Plan plan, RunKind kind, Optional<RunId> refersTo, EarlierAttempts earlier,
            RunProgress progress) throws IOException {
        return execute(plan, kind, refersTo, earlier, Optional.empty(), progress);
    }

    private RunResult execute(Plan plan, RunKind kind, Optional<RunId> refersTo, EarlierAttempts earlier,
            Optional<PlanGate> gate, RunProgress progress) throws IOException {
        Instant started = clock.instant();
        RunId runId = RunId.startedAt(started, UUID.randomUUID());
        List<String> mailboxes = plan.mailboxes().stream().map(MailboxPlan::mailbox).toList();
        Map<String, String> accounts = new LinkedHashMap<>();
        for (MailboxPlan mailbox : plan.mailboxes()) {
            mailbox.accountKey().ifPresent(key -> accounts.put(mailbox.mailbox(), key));
        }
        RunHeader header = new RunHeader(runId, plan.id(), plan.source().file(), mailboxes, started, kind, refersTo,
                accounts);
        try (RunJournalWriter journal = kind == RunKind.RESUME ? journals.open(header) : journals.open(header, plan)) {
            RunRecorder recorder = new RunRecorder(journal, clock, progress);
            progress.begin((int) plan.batches().stream().filter(batch -> !earlier.isDone(batch.id())).count());
            List<MailboxReport> reports = new ArrayList<>();
            boolean cancelled = false;
            boolean inDoubt = false;
            for (MailboxPlan mailbox : plan.mailboxes()) {
                cancelled = cancelled || progress.isCancelled();
                if (cancelled) {
                    reports.add(notStarted(mailbox, earlier));
                    continue;
                }
                MailboxRun.Result result = new MailboxRun(connector, logins, recorder, mailbox, earlier,
                        warm.flatMap(sessions -> sessions.take(mailbox.mailbox(), mailboxes)), gate).apply();
                reports.add(result.report());
                cancelled = result.ending() == MailboxRun.Ending.CANCELLED;
                // A connection lost, mid-batch or between batches, leaves that mailbox to a resume; the others still run.
                inDoubt = inDoubt || result.ending() == MailboxRun.Ending.IN_DOUBT
                        || result.ending() == MailboxRun.Ending.CONNECTION_LOST;
            }
            // Mailboxes left out by a cancel never took theirs.
            warm.ifPresent(sessions -> sessions.release(mailboxes));
            RunStatus status = status(reports, cancelled || inDoubt);
            journal.finish(status, clock.instant());
            return new RunResult(runId, status, reports);
        }
    }

    private static MailboxReport notStarted(MailboxPlan mailbox, EarlierAttempts earlier) {
        return new MailboxReport(mailbox.mailbox(), List.of(), List.of(), List.of(), Optional.empty(),
                (int) mailbox.batches().stream().filter(batch -> !earlier.isDone(batch.id())).count());
    }

    private static RunStatus status(List<MailboxReport> reports, boolean resumable) {
        if (resumable) {
            return RunStatus.INTERRUPTED;
        }
        if (reports.stream().allMatch(MailboxReport::isComplete)) {
            return RunStatus.COMPLETED;
        }
        if (reports.stream().allMatch(MailboxReport::isRefused)) {
            return RunStatus.REFUSED;
        }
        boolean anySucceeded = reports.stream().anyMatch(report -> report.isComplete()
                || report.batches().stream().anyMatch(batch -> batch.outcome().succeeded()));
        return anySucceeded ? RunStatus.PARTIAL : RunStatus.FAILED;
    }
}
