package io.mailrules.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.MultiRule;

import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunResult;
import io.mailrules.imap.LockingLogins;
import io.mailrules.imap.NotRestored;
import io.mailrules.imap.RunFollowUp;
import io.mailrules.imap.RunRefusedException;
import io.mailrules.imap.UndoResult;
import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.preview.RulesFile;
import io.mailrules.ui.preview.RulesFileException;
import io.mailrules.ui.preview.RulesFileLoader;

/**
 * Undo or resume of a journaled run as a Job, holding the scheduling rules of the run's mailboxes. The logins come
 * from the rules file the run was planned from, which must be in the workspace. What it did, or why it was refused,
 * is the job's result, which the progress view shows; the Runs view refreshes when it ends.
 */
public final class FollowUpJob extends Job {

    public enum Kind {
        UNDO, RESUME
    }

    private final RunServices services;
    private final Kind kind;
    private final RunFollowUp followUp;
    private final RulesFile rules;

    private FollowUpJob(RunServices services, Kind kind, RunFollowUp followUp, RulesFile rules) {
        super((kind == Kind.UNDO ? "Undo of run " : "Resume of run ") + followUp.run());
        this.services = services;
        this.kind = kind;
        this.followUp = followUp;
        this.rules = rules;
        setUser(true);
        setRule(MultiRule.combine(followUp.plan().mailboxes().stream().map(MailboxPlan::mailbox)
                .map(mailbox -> services.mailboxRule(rules, mailbox)).toArray(ISchedulingRule[]::new)));
    }

    /**
     * Finds the run's stored plan and rules file and schedules the job.
     *
     * @throws RefusedException with the reason for the user when the run cannot be followed up from here
     */
    public static FollowUpJob schedule(RunServices services, Kind kind, RunId run) throws RefusedException {
        try {
            RunFollowUp followUp = RunFollowUp.of(services.journals(), run);
            FollowUpJob job = new FollowUpJob(services, kind, followUp, rulesFile(followUp.rulesFile()));
            job.schedule();
            return job;
        } catch (RunRefusedException | RulesFileException | IllegalArgumentException e) {
            throw new RefusedException(e.getMessage());
        } catch (IOException e) {
            throw new RefusedException("cannot read the journal of run " + run + ": " + e.getMessage());
        }
    }

    /** Why an undo or resume was not started; nothing was changed. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        MonitorProgress progress = new MonitorProgress(getName(), monitor);
        try (LockingLogins logins = services.locking(services.logins(rules))) {
            if (kind == Kind.UNDO) {
                UndoResult undone = followUp.undo(services.connector(), logins, services.clock(), progress);
                return result(undone.run(), undone.notRestored().stream().map(NotRestored::describe).toList());
            }
            return result(followUp.resume(services.connector(), logins, services.clock(), progress), List.of());
        } catch (RunRefusedException e) {
            return Status.error(getName() + " was refused: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            MailrulesUiPlugin.log(getName() + " failed", e);
            return Status.error(getName() + " failed: " + e.getMessage(), e);
        }
    }

    private static RulesFile rulesFile(String path) throws RulesFileException {
        Optional<IFile> file = Arrays.stream(ResourcesPlugin.getWorkspace().getRoot()
                .findFilesForLocationURI(Path.of(path).toUri())).filter(IFile::exists).findFirst();
        if (file.isEmpty()) {
            throw new RulesFileException("the run was planned from " + path + ", which is not in the workspace;"
                    + " import it into a project to take its mailboxes' logins from it, or use 'mailrules undo'");
        }
        return new RulesFileLoader().load(file.get());
    }

    private IStatus result(RunResult result, List<String> notRestored) {
        String text = getName() + ": run " + result.runId() + " " + result.status().name().toLowerCase(Locale.ROOT)
                + ", " + result.batchesDone() + " batch(es) done, " + result.batchesFailed() + " failed"
                + (notRestored.isEmpty() ? "" : "; not restored: " + String.join("; ", notRestored));
        return result.batchesFailed() == 0 && notRestored.isEmpty() ? Status.info(text) : Status.warning(text);
    }

    @Override
    public boolean belongsTo(Object family) {
        return RunServices.RUN_FAMILY.equals(family);
    }
}
