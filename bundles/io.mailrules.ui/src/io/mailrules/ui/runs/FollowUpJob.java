package io.mailrules.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
import io.mailrules.imap.NotRestored;
import io.mailrules.imap.RunFollowUp;
import io.mailrules.imap.RunRefusedException;
import io.mailrules.imap.UndoResult;
import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.preview.RulesFile;
import io.mailrules.ui.preview.RulesFileException;
import io.mailrules.ui.preview.RulesFileLoader;

/**
 * Undo or resume of a journaled run as a Job: the logins come from the rules file the run was planned from, which
 * must be in the workspace; the job holds the scheduling rules of the run's mailboxes. What it did, or why it was
 * refused, ends up in the job's result, which the progress view and the Runs view's refresh show.
 */
public final class FollowUpJob extends Job {

    public enum Kind {
        UNDO, RESUME
    }

    private final RunServices services;
    private final Kind kind;
    private final RunId run;

    public FollowUpJob(RunServices services, Kind kind, RunId run) {
        super((kind == Kind.UNDO ? "Undo of run " : "Resume of run ") + run);
        this.services = services;
        this.kind = kind;
        this.run = run;
        setUser(true);
        setRule(mailboxRules());
    }

    private ISchedulingRule mailboxRules() {
        try {
            return services.journals().plan(run).map(plan -> MultiRule.combine(plan.mailboxes().stream()
                    .map(MailboxPlan::mailbox).map(services::mailboxRule).toArray(ISchedulingRule[]::new)))
                    .orElse(null);
        } catch (IOException e) {
            // the job itself reports the unreadable journal
            return null;
        }
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            RunFollowUp followUp = RunFollowUp.of(services.journals(), run);
            RulesFile rules = rulesFile(followUp.rulesFile());
            MonitorProgress progress = new MonitorProgress(getName(), monitor);
            if (kind == Kind.UNDO) {
                UndoResult undone = followUp.undo(services.connector(), services.logins(rules), services.clock(),
                        progress);
                return result(undone.run(), undone.notRestored().stream().map(NotRestored::describe).toList());
            }
            return result(followUp.resume(services.connector(), services.logins(rules), services.clock(), progress),
                    java.util.List.of());
        } catch (RunRefusedException | RulesFileException e) {
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
                    + " import it into a project to take its mailboxes' logins from it");
        }
        return new RulesFileLoader().load(file.get());
    }

    private IStatus result(RunResult result, java.util.List<String> notRestored) {
        String text = getName() + ": run " + result.runId() + " " + result.status().name().toLowerCase(java.util.Locale.ROOT)
                + ", " + result.batchesDone() + " batch(es) done, " + result.batchesFailed() + " failed"
                + (notRestored.isEmpty() ? "" : "; not restored: " + String.join("; ", notRestored));
        return result.batchesFailed() == 0 && notRestored.isEmpty() ? Status.info(text) : Status.warning(text);
    }

    @Override
    public boolean belongsTo(Object family) {
        return RunServices.RUN_FAMILY.equals(family);
    }
}
