package io.mailrules.ui.mail;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

import io.mailrules.core.source.MailboxException;

/**
 * Runs IMAP work as cancellable background jobs. Each job holds the scheduling rule of the mailboxes it touches
 * ({@link MailboxRule}), shows progress through the monitor its task gets, and hands its result or failure to the
 * caller through a future, so that views show failures where they belong (in the mailbox's row) rather than in an
 * error dialog.
 */
public final class MailJobs {

    /** The family of every mail job, for {@code IJobManager.join} and {@code cancel}. */
    public static final Object FAMILY = MailJobs.class;

    /** The work of one job; it reports progress on, and checks cancellation through, the monitor. */
    @FunctionalInterface
    public interface MailTask<T> {
        T run(IProgressMonitor monitor) throws MailboxException, InterruptedException;
    }

    /** A scheduled job and what it produces: its value, or the {@link MailboxException} that stopped it. */
    public record Scheduled<T>(Job job, CompletableFuture<T> result) {
    }

    /**
     * @param name what the Progress view shows, naming the mailbox(es)
     * @param rule a {@link MailboxRule}, or {@link MailboxRule#ofAll} for several mailboxes
     */
    public <T> Scheduled<T> schedule(String name, ISchedulingRule rule, MailTask<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        MailJob<T> job = new MailJob<>(name, task, result);
        job.setRule(rule);
        // A job cancelled before it started never runs; its caller still learns so.
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                result.completeExceptionally(new CancellationException(name + " was cancelled"));
            }
        });
        job.schedule();
        return new Scheduled<>(job, result);
    }

    private static final class MailJob<T> extends Job {

        private final MailTask<T> task;
        private final CompletableFuture<T> result;
        private Thread worker;

        MailJob(String name, MailTask<T> task, CompletableFuture<T> result) {
            super(name);
            this.task = task;
            this.result = result;
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            synchronized (this) {
                worker = Thread.currentThread();
            }
            try {
                T value = task.run(monitor);
                if (monitor.isCanceled()) {
                    return cancelled();
                }
                result.complete(value);
                return Status.OK_STATUS;
            } catch (InterruptedException | OperationCanceledException e) {
                return cancelled();
            } catch (MailboxException e) {
                result.completeExceptionally(e);
                // A warning, not an error: the view that scheduled the job shows it in place.
                return Status.warning(e.getMessage(), e);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return Status.error(getName() + " failed: " + e, e);
            } finally {
                synchronized (this) {
                    worker = null;
                }
                // An interrupt from canceling() must not leak into the pool thread's next job.
                Thread.interrupted();
            }
        }

        private IStatus cancelled() {
            result.completeExceptionally(new CancellationException(getName() + " was cancelled"));
            return Status.CANCEL_STATUS;
        }

        // A task blocked waiting for a free connection slot of its host wakes up on interrupt.
        @Override
        protected synchronized void canceling() {
            if (worker != null) {
                worker.interrupt();
            }
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == FAMILY;
        }
    }
}
