package io.mailrules.ui.runs;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.mailrules.core.journal.store.BatchAttempt;
import io.mailrules.core.journal.store.JournalProblem;
import io.mailrules.core.journal.store.RunHistory;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.run.RunStatus;
import io.mailrules.ui.MailrulesUiPlugin;

/**
 * The journal's runs, newest first, and the batches of the selected one, with Undo and Resume. Refreshes itself
 * whenever a job that changes mailboxes (apply, undo, resume, a scheduled run) ends.
 */
public final class RunsView extends ViewPart {

    public static final String ID = "io.mailrules.ui.runs.view";
    public static final String RUNS = "runs.table";
    public static final String BATCHES = "runs.batches";
    public static final String STATUS = "runs.status";

    private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final RunServices services;
    private final IJobChangeListener refreshAfterRuns = new JobChangeAdapter() {
        @Override
        public void done(IJobChangeEvent event) {
            if (event.getJob().belongsTo(RunServices.RUN_FAMILY)) {
                refreshLater(event.getResult());
            }
        }
    };
    private final Job reader = Job.create("Reading the run journal", this::readJournal);
    private volatile boolean journalShown;
    /** What the last run, undo or resume job said if it was more than "done"; shown with the next read. */
    private String jobProblem;
    private Label status;
    private TableViewer runs;
    private TableViewer batches;
    private Action undo;
    private Action resume;

    public RunsView() {
        this.services = PlatformUI.getWorkbench().getService(RunServices.class);
        reader.setSystem(true);
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        status.setData("id", STATUS);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        runs = Tables.create(sash, SWT.SINGLE, RUNS);
        runColumn("Run", 260, run -> run.runId().value());
        runColumn("Kind", 70, run -> lower(run.kind().name()));
        runColumn("Status", 90, run -> lower(run.status().name()));
        runColumn("Started", 140, run -> TIMES.format(run.startedAt()));
        runColumn("Mailboxes", 140, run -> String.join(", ", run.mailboxes()));
        runColumn("Done", 50, run -> String.valueOf(run.batchesDone()));
        runColumn("Failed", 50, run -> String.valueOf(run.batchesFailed()));
        runColumn("Pending", 60, run -> String.valueOf(run.batchesPending()));
        batches = Tables.create(sash, SWT.SINGLE, BATCHES);
        batchColumn("Batch", 60, batch -> String.valueOf(batch.intent().batchId().sequence()));
        batchColumn("Mailbox", 100, batch -> batch.intent().mailbox());
        batchColumn("Folder", 110, batch -> batch.intent().folder());
        batchColumn("Action", 160, batch -> batch.intent().command().describe());
        batchColumn("Messages", 70, batch -> String.valueOf(batch.intent().uids().size()));
        batchColumn("Outcome", 260, BatchText::outcome);
        sash.setWeights(3, 2);
        runs.addSelectionChangedListener(event -> showSelectedRun());
        createActions();
        refresh();
        Job.getJobManager().addJobChangeListener(refreshAfterRuns);
    }

    private void runColumn(String title, int width, Function<RunHistoryEntry, String> text) {
        Tables.column(runs, title, width, RunHistoryEntry.class, text);
    }

    private void batchColumn(String title, int width, Function<BatchAttempt, String> text) {
        Tables.column(batches, title, width, BatchAttempt.class, text);
    }

    private void createActions() {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                refresh();
            }
        };
        refresh.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_REDO));
        undo = new Action("Undo Run") {
            @Override
            public void run() {
                selected().ifPresent(run -> followUp(FollowUpJob.Kind.UNDO, run));
            }
        };
        undo.setToolTipText("Reverse the selected run from its journal");
        undo.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_UNDO));
        resume = new Action("Resume Run") {
            @Override
            public void run() {
                selected().ifPresent(run -> followUp(FollowUpJob.Kind.RESUME, run));
            }
        };
        resume.setToolTipText("Finish the selected interrupted run or undo");
        resume.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_FORWARD));
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(refresh);
        toolbar.add(undo);
        toolbar.add(resume);
        getViewSite().getActionBars().updateActionBars();
    }

    private void followUp(FollowUpJob.Kind kind, RunHistoryEntry run) {
        try {
            FollowUpJob.schedule(services, kind, run.runId());
            status.setText((kind == FollowUpJob.Kind.UNDO ? "Undoing" : "Resuming") + " run " + run.runId() + " ...");
        } catch (FollowUpJob.RefusedException e) {
            status.setText("Run " + run.runId() + " cannot be " + (kind == FollowUpJob.Kind.UNDO ? "undone" : "resumed")
                    + " here: " + e.getMessage());
        }
        status.getParent().layout(true, true);
    }

    private Optional<RunHistoryEntry> selected() {
        Object first = ((IStructuredSelection) runs.getSelection()).getFirstElement();
        return Optional.ofNullable((RunHistoryEntry) first);
    }

    /**
     * Reads the journal again, off the UI thread (a journal directory of many runs takes a while the first time), and
     * shows it; keeps the selected run selected. Refreshes asked for while one is under way are done once after it.
     */
    public void refresh() {
        if (!runs.getTable().isDisposed()) {
            reader.schedule();
        }
    }

    /** Whether the journal has been read and shown since the view opened; for tests that count runs. */
    public boolean journalShown() {
        return journalShown;
    }

    private IStatus readJournal(IProgressMonitor monitor) {
        HistoryRead read = HistoryRead.of(services.journals());
        if (!runs.getTable().isDisposed()) {
            runs.getTable().getDisplay().asyncExec(() -> show(read));
        }
        return Status.OK_STATUS;
    }

    private void show(HistoryRead read) {
        if (runs.getTable().isDisposed()) {
            return;
        }
        Optional<RunHistoryEntry> before = selected();
        if (read.history().isPresent()) {
            RunHistory history = read.history().get();
            runs.setInput(history.runs());
            before.flatMap(run -> history.find(run.runId())).ifPresent(run -> runs.setSelection(
                    new StructuredSelection(run), true));
            List<String> problems = history.problems().stream().map(JournalProblem::message).toList();
            status.setText(history.runs().size() + " run(s) in " + services.journals().directory()
                    + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
        } else {
            runs.setInput(List.of());
            status.setText("Cannot read the journal in " + services.journals().directory() + ": "
                    + read.failure().map(IOException::getMessage).orElse(""));
        }
        if (jobProblem != null) {
            status.setText(jobProblem);
            jobProblem = null;
        }
        journalShown = true;
        showSelectedRun();
        status.getParent().layout(true, true);
    }

    /** After a run, undo or resume: the journal again, and what the job said if it was more than "done". */
    private void refreshLater(IStatus result) {
        if (!runs.getTable().isDisposed()) {
            runs.getTable().getDisplay().asyncExec(() -> {
                if (result != null && !result.isOK() && result.getSeverity() != IStatus.CANCEL) {
                    jobProblem = result.getMessage();
                }
                refresh();
            });
        }
    }

    private void showSelectedRun() {
        Optional<RunHistoryEntry> run = selected();
        undo.setEnabled(run.filter(RunsView::undoable).isPresent());
        resume.setEnabled(run.filter(entry -> entry.status().isResumable()).isPresent());
        if (run.isEmpty()) {
            batches.setInput(List.of());
            return;
        }
        try {
            batches.setInput(services.journals().read(run.get().runId()).batches());
        } catch (IOException e) {
            batches.setInput(List.of());
            MailrulesUiPlugin.log("cannot read the journal of run " + run.get().runId(), e);
        }
    }

    private static boolean undoable(RunHistoryEntry run) {
        return run.kind() != RunKind.UNDO && run.undoneBy().isEmpty() && !run.status().isActive()
                && run.status() != RunStatus.REFUSED;
    }

    @Override
    public void setFocus() {
        runs.getTable().setFocus();
    }

    @Override
    public void dispose() {
        Job.getJobManager().removeJobChangeListener(refreshAfterRuns);
        reader.cancel();
        super.dispose();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
