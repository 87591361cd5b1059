package io.mailrules.ui.preview;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.MultiRule;

import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunResult;
import io.mailrules.imap.PlanExecutor;
import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.runs.MonitorProgress;
import io.mailrules.ui.runs.RunServices;

/**
 * Applies plans exactly as they were previewed, each journaled as a run by {@link PlanExecutor}, holding the
 * scheduling rules of all their mailboxes. Cancel finishes the batch in flight and closes the journal as
 * interrupted, so the Runs view offers a resume.
 */
public final class ApplyJob extends Job {

    private final RunServices services;
    private final RulesFile rules;
    private final List<Plan> plans;
    private final Consumer<ApplyOutcome> done;

    /** What the apply did: a result per plan applied, or why the journal could not be written. */
    public record ApplyOutcome(List<RunResult> runs, List<String> problems) {
    }

    public ApplyJob(String name, RunServices services, RulesFile rules, List<Plan> plans, Consumer<ApplyOutcome> done) {
        super(name);
        this.services = services;
        this.rules = rules;
        this.plans = List.copyOf(plans);
        this.done = done;
        setUser(true);
        setRule(MultiRule.combine(plans.stream().flatMap(plan -> plan.mailboxes().stream())
                .map(MailboxPlan::mailbox).distinct().map(services::mailboxRule).toArray(ISchedulingRule[]::new)));
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), plans.size());
        List<RunResult> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        PlanExecutor executor = new PlanExecutor(services.connector(), services.logins(rules), services.journals(),
                services.clock());
        for (Plan plan : plans) {
            if (progress.isCanceled()) {
                break;
            }
            try {
                runs.add(executor.apply(plan, new MonitorProgress(getName(), progress.split(1))));
            } catch (IOException e) {
                problems.add("cannot write the journal in " + services.journals().directory() + ": "
                        + e.getMessage() + "; the run stopped before its next batch");
                MailrulesUiPlugin.log("apply of " + plan.id() + " stopped", e);
            }
        }
        done.accept(new ApplyOutcome(runs, problems));
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return RunServices.RUN_FAMILY.equals(family);
    }
}
