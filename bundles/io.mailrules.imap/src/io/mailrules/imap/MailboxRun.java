package io.mailrules.imap;

import io.mailrules.core.check.PlanGate;
import io.mailrules.core.check.Refusal;
import io.mailrules.core.check.ServerSupport;
import io.mailrules.core.journal.FlagGroup;
import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.TargetMark;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.BatchReport;
import io.mailrules.core.run.FolderRefusal;
import io.mailrules.core.run.MailboxReport;
import io.mailrules.core.source.ConnectionLostException;
import io.mailrules.core.source.FolderNameException;
import io.mailrules.core.source.FolderNotFoundException;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.SnapshotChangedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies one mailbox's part of a plan in its own session: provisions the missing folders, then per folder checks
 * the snapshot and sends the batches in plan order, each journaled before and after. A failure stops this mailbox
 * only; a journal that cannot be written stops the whole run, since no command may go out unjournaled.
 */
final class MailboxRun {

    /** How a mailbox's part ended, as far as the run's closing status is concerned. */
    enum Ending {
        /** Every batch was tried, or the mailbox was given up before any command of an open batch was sent. */
        SETTLED,
        /** The user cancelled; batches are left for a resume. */
        CANCELLED,
        /** A batch's command may or may not have reached the server (connection lost after its intent). */
        IN_DOUBT,
        /** The connection broke outside a batch; the batches not yet tried are left for a resume. */
        CONNECTION_LOST
    }

    record Result(MailboxReport report, Ending ending) {
    }

    private final ImapConnector connector;
    private final MailboxLogins logins;
    private final RunRecorder recorder;
    private final MailboxPlan plan;
    private final EarlierAttempts earlier;
    private final Optional<ImapMailbox> warm;
    private final Optional<PlanGate> gate;
    private final List<String> created = new ArrayList<>();
    /** Batches the user agreed to leave out because the server cannot carry them out safely. */
    private final Set<BatchId> leftOut = new HashSet<>();
    private List<Refusal> refused = List.of();
    private final List<FolderRefusal> refusals = new ArrayList<>();
    private final List<BatchReport> reports = new ArrayList<>();
    private Optional<String> failure = Optional.empty();
    private Ending ending = Ending.SETTLED;

    /**
     * @param earlier what earlier journals of the same plan did: done batches are skipped, pending ones reconciled
     * @param warm this mailbox's session from the dry run just made, if it was kept
     * @param gate what the plan is checked against once logged in, before anything is sent; empty for an undo or
     *        resume
     */
    MailboxRun(ImapConnector connector, MailboxLogins logins, RunRecorder recorder, MailboxPlan plan,
            EarlierAttempts earlier, Optional<ImapMailbox> warm, Optional<PlanGate> gate) {
        this.warm = warm;
        this.gate = gate;
        this.connector = connector;
        this.logins = logins;
        this.recorder = recorder;
        this.plan = plan;
        this.earlier = earlier;
    }

    Result apply() throws IOException {
        try (ImapMailbox session = connect()) {
            requireNamable(session);
            if (gate.isPresent() && !passes(gate.get(), session)) {
                return new Result(MailboxReport.refused(plan.mailbox(), refused, notSent()), ending);
            }
            created.addAll(session.provision(plan.foldersToCreate()).created());
            for (FolderPlan folder : plan.folders()) {
                if (!applyFolder(session, folder)) {
                    break;
                }
            }
        } catch (MailboxException e) {
            failure = Optional.of(e.getMessage());
            if (e instanceof ConnectionLostException) {
                // Unlike a refusal, a dropped connection says nothing about the batches left: a resume sends them.
                ending = Ending.CONNECTION_LOST;
            }
            recorder.progress().mailboxFailed(plan.mailbox(), e.getMessage(), notSent());
        } catch (InterruptedException e) {
            // Waiting for a connection slot was cancelled: nothing of this mailbox was sent.
            Thread.currentThread().interrupt();
            ending = Ending.CANCELLED;
        }
        return new Result(new MailboxReport(plan.mailbox(), created, refusals, reports, failure, notSent()), ending);
    }

    /**
     * Checks the plan against the gate with what this session's server can do; a refusal is journaled, and then
     * nothing else happens in the mailbox. Batches the user agreed to leave out are marked so.
     */
    private boolean passes(PlanGate gate, ImapMailbox session) throws IOException {
        ServerCapabilities capabilities = session.capabilities();
        PlanGate.Verdict verdict = gate.check(plan, ServerSupport.of(capabilities.move(), capabilities.uidPlus()));
        if (verdict.refused()) {
            refused = verdict.refusals();
            recorder.refused(plan.mailbox(), refused);
            recorder.progress().mailboxRefused(plan.mailbox(), refused.stream().map(Refusal::message)
                    .collect(Collectors.joining("; ")), notSent());
            return false;
        }
        verdict.leftOut().forEach(batch -> leftOut.add(batch.id()));
        return true;
    }

    /**
     * A plan names folders as rules do; one made for a server that names them otherwise (a part containing this
     * server's hierarchy delimiter) is refused for the mailbox before anything is sent.
     */
    private void requireNamable(ImapMailbox session) throws FolderNameException {
        List<String> folders = new ArrayList<>(plan.foldersToCreate());
        for (FolderPlan folder : plan.folders()) {
            folders.add(folder.folder());
            folder.batches().forEach(batch -> batch.command().target().ifPresent(folders::add));
        }
        for (String folder : folders) {
            try {
                session.folderNames().toServer(folder);
            } catch (IllegalArgumentException e) {
                throw new FolderNameException(plan.mailbox(), session.settings().host(), "the plan", folder,
                        e.getMessage());
            }
        }
    }

    private ImapMailbox connect() throws MailboxException, InterruptedException {
        if (warm.isPresent()) {
            return warm.get();
        }
        MailboxLogin login = logins.login(plan.mailbox());
        return connector.connect(login.settings(), login.credentials());
    }

    /** @return whether to go on with the mailbox's next folder */
    private boolean applyFolder(ImapMailbox session, FolderPlan folder) throws MailboxException, IOException {
        List<Batch> agreedOut = folder.batches().stream().filter(batch -> leftOut.contains(batch.id())).toList();
        if (!agreedOut.isEmpty()) {
            // Reported like a refused folder, but not as not sent: the user agreed to run without them.
            refusals.add(new FolderRefusal(folder.folder(), agreedOut.size(), "left out as agreed: "
                    + agreedOut.stream().map(batch -> batch.command().describe()).distinct()
                            .collect(Collectors.joining(", "))
                    + " (" + ServerSupport.of(session.capabilities().move(), session.capabilities().uidPlus())
                            .cannot(agreedOut.getFirst().command()).orElse("the server cannot do it") + ")"));
        }
        List<Batch> batches = folder.batches().stream()
                .filter(batch -> !earlier.isDone(batch.id()) && !leftOut.contains(batch.id())).toList();
        if (batches.isEmpty()) {
            return true;
        }
        Reconciliation reconciliation = new Reconciliation(session, folder);
        Map<BatchId, Optional<ArrivalLocator.Arrivals>> arrivals = new HashMap<>();
        Set<String> reconciledTargets = new HashSet<>();
        for (Batch batch : batches) {
            if (earlier.toReconcile(batch.id())) {
                arrivals.put(batch.id(), reconciliation.arrivals(batch,
                        earlier.firstAttempt(batch.id()).orElseThrow().targetMark()));
                batch.command().target().ifPresent(reconciledTargets::add);
            }
        }
        FolderApplier applier;
        try {
            applier = session.openApplier(folder.snapshot());
        } catch (SnapshotChangedException | FolderNotFoundException e) {
            // The plan's UIDs may name other messages now, or none: leave this folder alone, go on with the others.
            refuse(folder, batches.size(), e.getMessage());
            return true;
        }
        try (applier) {
            applier.expect(batches.stream().map(Batch::uids).reduce(UidSet.empty(), UidSet::union));
            // A mark taken now would lie below what the reconciled batches send to the same target, so later batches
            // to it take theirs just before they go out.
            applier.markTargets(batches.stream().filter(batch -> !arrivals.containsKey(batch.id()))
                    .filter(batch -> batch.command().target().filter(reconciledTargets::contains).isEmpty())
                    .toList());
            for (int i = 0; i < batches.size(); i++) {
                if (recorder.progress().isCancelled()) {
                    ending = Ending.CANCELLED;
                    return false;
                }
                Batch batch = batches.get(i);
                Optional<IntentRecord> first = earlier.firstAttempt(batch.id());
                BatchReport report;
                if (arrivals.containsKey(batch.id())) {
                    // The first attempt's mark bounds from below everything any attempt moved; without one, none is
                    // taken now either, so that undo never pairs an earlier attempt's mail by a later mark.
                    report = applyBatch(batch, first.orElseThrow().flagsBefore(), first.orElseThrow().targetMark(),
                            () -> reconciliation.finish(applier, batch, arrivals.get(batch.id())));
                } else {
                    // The flags before a failed attempt are what undo restores, not what that attempt left.
                    List<FlagGroup> flagsBefore = first.isPresent()
                            ? first.get().flagsBefore()
                            : applier.flagGroups(batch.command(), batch.uids());
                    report = applyBatch(batch, flagsBefore, applier.targetMark(batch.command()),
                            () -> applier.apply(batch));
                }
                if (report == null) {
                    return false;
                }
                if (report.outcome() instanceof BatchOutcome.Failed failed) {
                    // Later batches of a folder build on earlier ones (flags before the move that takes the messages
                    // away), so they are not sent after a failure.
                    refuse(folder, batches.size() - i - 1, "an earlier batch in this folder failed: " + failed.error());
                    return true;
                }
            }
            return true;
        }
    }

    /** Sends a batch's command(s) once its intent is on disk. */
    @FunctionalInterface
    private interface Sending {
        BatchResult send() throws MailboxException;
    }

    /**
     * @param flagsBefore what undo restores; for a batch an earlier attempt may have applied, the flags that
     *        attempt recorded, since the server's flags may already be changed
     * @return the report, or null when the connection broke after the intent was journaled
     */
    private BatchReport applyBatch(Batch batch, List<FlagGroup> flagsBefore, Optional<TargetMark> targetMark,
            Sending sending) throws MailboxException, IOException {
        recorder.intent(batch, flagsBefore, targetMark);
        BatchResult result;
        try {
            result = sending.send();
        } catch (MailboxException e) {
            // No outcome is written: whether the server acted is unknown, and a resume reconciles exactly such a
            // batch against the server.
            ending = Ending.IN_DOUBT;
            failure = Optional.of(e.getMessage());
            recorder.progress().mailboxFailed(plan.mailbox(), e.getMessage(), notSent());
            return null;
        }
        recorder.outcome(batch, result.outcome());
        BatchReport report = new BatchReport(batch, result.acted(), result.skipped(), result.outcome());
        reports.add(report);
        return report;
    }

    private void refuse(FolderPlan folder, int batches, String reason) {
        refusals.add(new FolderRefusal(folder.folder(), batches, reason));
        recorder.progress().batchesSkipped(plan.mailbox(), folder.folder(), batches, reason);
    }

    /** Batches done by an earlier attempt, or left out as agreed, count as neither sent nor not sent. */
    private int notSent() {
        return (int) plan.batches().stream()
                .filter(batch -> !earlier.isDone(batch.id()) && !leftOut.contains(batch.id())).count()
                - reports.size();
    }
}
