package io.mailrules.ui.runs;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.mailrules.core.plan.Batch;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.RunProgress;

/** A run's progress in a Job's progress monitor: one unit per batch; the monitor's Cancel stops after the batch. */
public final class MonitorProgress implements RunProgress {

    private final String title;
    private final IProgressMonitor monitor;
    private SubMonitor batches;

    public MonitorProgress(String title, IProgressMonitor monitor) {
        this.title = title;
        this.monitor = monitor;
    }

    @Override
    public synchronized void begin(int totalBatches) {
        batches = SubMonitor.convert(monitor, title, Math.max(1, totalBatches));
    }

    @Override
    public synchronized void batchDone(Batch batch, BatchOutcome outcome) {
        if (batches != null) {
            batches.subTask(batch.mailbox() + " " + batch.folder() + ": " + batch.uids().size() + " message(s)"
                    + (outcome.succeeded() ? "" : " FAILED"));
            batches.worked(1);
        }
    }

    @Override
    public synchronized void mailboxFailed(String mailbox, String message, int batchesNotSent) {
        monitor.subTask(mailbox + ": " + message);
    }

    @Override
    public boolean isCancelled() {
        return monitor.isCanceled();
    }
}
