package io.mailrules.ui.schedules;

import java.io.IOException;
import java.util.stream.Collectors;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.MultiRule;

import io.mailrules.core.check.Consent;
import io.mailrules.core.check.PlanGate;
import io.mailrules.core.check.Refusal;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.MailboxReport;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.source.MailboxException;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanRequest;
import io.mailrules.engine.RulesLimits;
import io.mailrules.engine.schedule.ScheduleEntry;
import io.mailrules.imap.LockingLogins;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.PlanExecutor;
import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.preview.MailboxPlanning;
import io.mailrules.ui.preview.RulesFile;
import io.mailrules.ui.runs.MonitorProgress;
import io.mailrules.ui.runs.RunServices;

/**
 * One firing of a schedule: for each job it names, a fresh plan of all the job's mailboxes and its journaled apply,
 * so each firing shows in the Runs view as one run per job. It holds the scheduling rules of every mailbox involved.
 */
public final class ScheduledRunJob extends Job {

    private final RunServices services;
    private final RulesFile rules;
    private final ScheduleEntry schedule;

    public ScheduledRunJob(RunServices services, RulesFile rules, ScheduleEntry schedule) {
        super("Scheduled run " + schedule.name() + " of " + rules.file().getFullPath());
        this.services = services;
        this.rules = rules;
        this.schedule = schedule;
        setRule(MultiRule.combine(schedule.jobs().stream()
                .flatMap(job -> PlanRequest.job(rules.model(), job, rules.source()).targetMailboxes().stream())
                .distinct().map(mailbox -> services.mailboxRule(rules, mailbox)).toArray(ISchedulingRule[]::new)));
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), schedule.jobs().size() * 2);
        MultiStatus result = new MultiStatus(MailrulesUiPlugin.ID, 0, getName());
        // nobody watches a scheduled run: a missing secret fails the mailbox rather than opening a dialog
        try (LockingLogins logins = services.locking(services.unattendedLogins(rules))) {
            return run(progress, result, logins);
        }
    }

    private IStatus run(SubMonitor progress, MultiStatus result, MailboxLogins logins) {
        MailboxPlanning planning = new MailboxPlanning(services, rules, logins);
        PlanExecutor executor = new PlanExecutor(services.connector(), logins, services.journals(), services.clock());
        // Nobody is there to agree to go past a check: a refused mailbox stays as it is, with a warning.
        PlanGate gate = new PlanGate(RulesLimits.of(rules.model()), Consent.NONE);
        for (String job : schedule.jobs()) {
            if (progress.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            progress.subTask("Planning " + job);
            try {
                CompiledPlan compiled = planning.planAll(PlanRequest.job(rules.model(), job, rules.source()));
                compiled.warnings().forEach(warning -> result.add(Status.warning(job + ": " + warning)));
                Plan plan = compiled.plan();
                progress.worked(1);
                if (plan.batches().isEmpty() && plan.foldersToCreate().isEmpty()) {
                    result.add(Status.info(job + ": nothing to do"));
                    progress.worked(1);
                    continue;
                }
                RunResult run = executor.apply(plan, gate, new MonitorProgress(job, progress.split(1)));
                result.add(Status.info(job + ": run " + run.runId() + " " + run.status()));
                for (MailboxReport refused : run.mailboxes().stream().filter(MailboxReport::isRefused).toList()) {
                    result.add(Status.warning(job + ": mailbox " + refused.mailbox() + " refused, nothing changed: "
                            + refused.refusals().stream().map(Refusal::message).collect(Collectors.joining("; "))));
                }
            } catch (MailboxException | IllegalArgumentException e) {
                result.add(Status.warning(job + ": not run, nothing was changed: " + e.getMessage()));
            } catch (IOException e) {
                result.add(Status.error(job + ": cannot write the journal: " + e.getMessage(), e));
            }
        }
        if (!result.isOK()) {
            MailrulesUiPlugin.get().getLog().log(result);
        }
        return result;
    }

    @Override
    public boolean belongsTo(Object family) {
        return RunServices.RUN_FAMILY.equals(family);
    }
}
