package io.mailrules.ui.preview;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.MultiRule;

import io.mailrules.core.check.PlanGate;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunResult;
import io.mailrules.imap.LockingLogins;
import io.mailrules.imap.PlanExecutor;
import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.runs.MonitorProgress;
import io.mailrules.ui.runs.RunServices;

/**
 * Applies a plan exactly as it was previewed, journaled as one run by {@link PlanExecutor}, holding the scheduling
 * rules of all its mailboxes. Each mailbox's part is checked before anything is sent to it; a refused one is
 * journaled as refused and left as it is. Cancel finishes the batch in flight and closes the journal as
 * interrupted, so the Runs view offers a resume.
 */
public final class ApplyJob extends Job {

    private final RunServices services;
    private final RulesFile rules;
    private final Plan plan;
    private final PlanGate gate;
    private final Consumer<ApplyOutcome> done;

    /** What the apply did: the run's result, or why the journal could not be written. */
    public record ApplyOutcome(Optional<RunResult> run, Optional<String> problem) {
    }

    /** @param gate what each mailbox's part is checked against before anything is sent, with the user's consent */
    public ApplyJob(String name, RunServices services, RulesFile rules, Plan plan, PlanGate gate,
            Consumer<ApplyOutcome> done) {
        super(name);
        this.services = services;
        this.rules = rules;
        this.plan = plan;
        this.gate = gate;
        this.done = done;
        setUser(true);
        setRule(MultiRule.combine(plan.mailboxes().stream().map(MailboxPlan::mailbox).map(mailbox -> services.mailboxRule(rules, mailbox))
                .toArray(ISchedulingRule[]::new)));
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try (LockingLogins logins = services.locking(services.logins(rules))) {
            PlanExecutor executor = new PlanExecutor(services.connector(), logins, services.journals(),
                    services.clock());
            done.accept(new ApplyOutcome(Optional.of(executor.apply(plan, gate,
                    new MonitorProgress(getName(), monitor))), Optional.empty()));
        } catch (IOException e) {
            MailrulesUiPlugin.log("apply of " + plan.id() + " stopped", e);
            done.accept(new ApplyOutcome(Optional.empty(), Optional.of("cannot write the journal in "
                    + services.journals().directory() + ": " + e.getMessage()
                    + "; the run stopped before its next batch")));
        }
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return RunServices.RUN_FAMILY.equals(family);
    }
}
