package io.mailrules.ui.preview;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

import io.mailrules.core.check.Consent;
import io.mailrules.core.check.PlanGate;
import io.mailrules.core.plan.PlanId;
import io.mailrules.engine.PlanRequest;
import io.mailrules.engine.RulesLimits;
import io.mailrules.ui.runs.RunServices;

/**
 * A preview of a rules file as one Job per mailbox, each holding its mailbox's scheduling rule so a preview never
 * reads a mailbox that a run is changing. When the last job ends the whole {@link Preview} is handed on; a
 * cancelled job's mailbox shows as not previewed.
 */
public final class PreviewJobs {

    /** The family of preview jobs, for tests and for the progress view's grouping. */
    public static final Object FAMILY = PreviewJobs.class.getName();

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final RunServices services;

    public PreviewJobs(RunServices services) {
        this.services = services;
    }

    /** @throws IllegalArgumentException when the file has no job to run, or targets no mailbox */
    public void start(RulesFile rules, Consumer<Preview> done) {
        PlanRequest request = PlanRequest.allJobs(rules.model(), rules.source());
        List<String> mailboxes = request.targetMailboxes();
        if (mailboxes.isEmpty()) {
            throw new IllegalArgumentException(rules.file().getFullPath() + " has no rules or retention for any mailbox;"
                    + " nothing to preview");
        }
        PlanId planId = new PlanId("plan-" + ID_TIME.format(services.clock().instant()) + "-"
                + rules.source().sha256().substring(0, 8));
        MailboxPreview[] results = new MailboxPreview[mailboxes.size()];
        AtomicInteger remaining = new AtomicInteger(mailboxes.size());
        MailboxPlanning planning = new MailboxPlanning(services, rules, services.logins(rules));
        PlanGate gate = new PlanGate(RulesLimits.of(rules.model()), Consent.NONE);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < mailboxes.size(); i++) {
            int index = i;
            String mailbox = mailboxes.get(i);
            Job job = new Job("Preview of " + mailbox) {
                @Override
                protected IStatus run(IProgressMonitor monitor) {
                    monitor.beginTask("Reading " + mailbox + " (read-only, nothing changes)",
                            IProgressMonitor.UNKNOWN);
                    results[index] = monitor.isCanceled() ? MailboxPreview.failed(mailbox, "the preview was cancelled")
                            : planning.plan(request, mailbox);
                    monitor.done();
                    return Status.OK_STATUS;
                }

                @Override
                public boolean belongsTo(Object family) {
                    return FAMILY.equals(family);
                }
            };
            job.setRule(services.mailboxRule(rules, mailbox));
            job.setUser(true);
            job.addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    if (results[index] == null) {
                        results[index] = MailboxPreview.failed(mailbox, "the preview was cancelled");
                    }
                    if (remaining.decrementAndGet() == 0) {
                        done.accept(Preview.of(rules.file().getFullPath().toString(), List.of(results), planId,
                                gate));
                    }
                }
            });
            jobs.add(job);
        }
        jobs.forEach(Job::schedule);
    }
}
