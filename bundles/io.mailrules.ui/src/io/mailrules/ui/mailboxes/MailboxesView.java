package io.mailrules.ui.mailboxes;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;

import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.source.MailboxException;
import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.mail.MailJobs;
import io.mailrules.ui.mail.MailboxRule;
import io.mailrules.ui.mail.WorkbenchMail;
import io.mailrules.ui.model.RulesParser;
import io.mailrules.ui.runs.HistoryRead;

/**
 * Every mailbox of the workspace's rules files with what a Test Connection found (status, capabilities, folder
 * counts, quota) and the last journaled run on it. Rows follow the files: adding, editing or deleting a rules file
 * re-reads the list, and a mailbox's test result survives edits that keep its name.
 */
public final class MailboxesView extends ViewPart {

    public static final String ID = "io.mailrules.ui.mailboxesView";
    public static final String TABLE_ID = "mailboxes.table";
    public static final String TEST_CONNECTION = "Test Connection";
    public static final String SET_CREDENTIALS = "Set Credentials...";
    public static final String REFRESH = "Refresh";

    private final Map<String, ConnectionState> states = new HashMap<>();
    private final Map<String, Optional<RunHistoryEntry>> lastRuns = new HashMap<>();
    private String journalProblem;
    private WorkbenchMail mail;
    private TableViewer viewer;
    private List<MailboxEntry> entries = List.of();
    private final Job reader = Job.create("Reading the mailboxes of the workspace's rules files", this::readWorkspace);
    private final IResourceChangeListener onRulesFileChange = this::resourcesChanged;

    @Override
    public void createPartControl(Composite parent) {
        mail = WorkbenchMail.lookup(MailboxesView.class);
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData("id", TABLE_ID);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Mailbox", 100, MailboxEntry::name);
        statusColumn();
        column("Folders", 240, entry -> MailboxTexts.folders(state(entry)));
        column("Quota", 120, entry -> MailboxTexts.quota(state(entry)));
        column("Last run", 230, this::lastRunText);
        column("Server", 220, entry -> entry.settings().map(MailboxTexts::server).orElse(""));
        column("File", 160, entry -> entry.file().getFullPath().toString());
        column("Capabilities", 300, entry -> MailboxTexts.capabilities(state(entry)));
        getSite().setSelectionProvider(viewer);
        createActions();
        ResourcesPlugin.getWorkspace().addResourceChangeListener(onRulesFileChange, IResourceChangeEvent.POST_CHANGE);
        reader.setSystem(true);
        reader.schedule();
    }

    private void column(String title, int width, Function<MailboxEntry, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((MailboxEntry) element);
            }
        });
    }

    private void statusColumn() {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText("Status");
        column.getColumn().setWidth(360);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                MailboxEntry entry = (MailboxEntry) element;
                return MailboxTexts.status(entry, state(entry));
            }

            @Override
            public String getToolTipText(Object element) {
                return getText(element);
            }

            @Override
            public Color getForeground(Object element) {
                MailboxEntry entry = (MailboxEntry) element;
                boolean failed = entry.problem().isPresent() || state(entry).phase() == ConnectionState.Phase.FAILED;
                return failed ? Display.getCurrent().getSystemColor(SWT.COLOR_DARK_RED) : null;
            }
        });
    }

    private void createActions() {
        Action test = new Action(TEST_CONNECTION) {
            @Override
            public void run() {
                testConnection(selectedOrAll());
            }
        };
        test.setToolTipText("Log in to the selected mailboxes (all when none is selected) and read their folders");
        Action credentials = new Action(SET_CREDENTIALS) {
            @Override
            public void run() {
                selected().stream().findFirst().ifPresent(entry -> new SetCredentials(getSite().getShell(),
                        mail.credentials()).ask(entry));
            }
        };
        credentials.setToolTipText("Enter the selected mailbox's password and keep it in secure storage");
        Action refresh = new Action(REFRESH) {
            @Override
            public void run() {
                reader.schedule();
            }
        };
        IToolBarManager toolBar = getViewSite().getActionBars().getToolBarManager();
        toolBar.add(test);
        toolBar.add(credentials);
        toolBar.add(refresh);
        MenuManager menu = new MenuManager();
        menu.add(test);
        menu.add(credentials);
        menu.add(refresh);
        viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
    }

    private List<MailboxEntry> selected() {
        return ((IStructuredSelection) viewer.getSelection()).toList().stream()
                .map(MailboxEntry.class::cast).toList();
    }

    private List<MailboxEntry> selectedOrAll() {
        List<MailboxEntry> selected = selected();
        return selected.isEmpty() ? entries : selected;
    }

    /** Tests each mailbox in a job of its own, so that one slow server does not hold up the others. */
    public void testConnection(List<MailboxEntry> mailboxes) {
        for (MailboxEntry entry : mailboxes) {
            if (entry.settings().isEmpty()) {
                continue;
            }
            states.put(entry.key(), state(entry).testing());
            MailboxProbe probe = new MailboxProbe(mail.connector(), mail.logins(entry.model()));
            MailJobs.Scheduled<MailboxProbe.Findings> job = mail.jobs().schedule(
                    "Testing the connection to mailbox " + entry.name(), MailboxRule.of(entry.settings().get()),
                    monitor -> probe.probe(entry.name(), monitor));
            job.result().whenComplete((findings, failure) -> {
                ConnectionState now = failure == null ? ConnectionState.connected(findings, Instant.now())
                        : ConnectionState.failed(describe(failure), Instant.now());
                HistoryRead journal = HistoryRead.of(mail.journals());
                inUi(() -> {
                    states.put(entry.key(), now);
                    showLastRuns(journal);
                    viewer.refresh();
                });
            });
        }
        viewer.refresh();
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof CancellationException) {
            return "test cancelled";
        }
        if (cause instanceof MailboxException) {
            return cause.getMessage();
        }
        return "test failed: " + cause;
    }

    private ConnectionState state(MailboxEntry entry) {
        return states.getOrDefault(entry.key(), ConnectionState.NOT_TESTED);
    }

    private String lastRunText(MailboxEntry entry) {
        if (journalProblem != null) {
            return journalProblem;
        }
        return MailboxTexts.lastRun(lastRuns.getOrDefault(entry.key(), Optional.empty()));
    }

    private IStatus readWorkspace(IProgressMonitor monitor) {
        try {
            List<MailboxEntry> read = new WorkspaceMailboxes(MailrulesUiPlugin.service(RulesParser.class))
                    .read(ResourcesPlugin.getWorkspace().getRoot());
            HistoryRead journal = HistoryRead.of(mail.journals());
            inUi(() -> {
                entries = read;
                // A mailbox whose file is gone starts untested should the file come back.
                states.keySet().retainAll(read.stream().map(MailboxEntry::key).toList());
                showLastRuns(journal);
                viewer.setInput(entries);
            });
            return Status.OK_STATUS;
        } catch (CoreException e) {
            return e.getStatus();
        }
    }

    private void showLastRuns(HistoryRead journal) {
        lastRuns.clear();
        journalProblem = journal.failure().map(e -> "journal " + mail.journals().directory() + " unreadable: "
                + e.getMessage()).orElse(null);
        journal.history().ifPresent(history -> entries.forEach(entry -> lastRuns.put(entry.key(),
                LastRuns.of(history, entry))));
    }

    private void resourcesChanged(IResourceChangeEvent event) {
        if (touchesRulesFile(event.getDelta())) {
            reader.schedule(200);
        }
    }

    private static boolean touchesRulesFile(IResourceDelta delta) {
        if (delta == null) {
            return false;
        }
        if (WorkspaceMailboxes.EXTENSION.equals(delta.getResource().getFileExtension())) {
            return true;
        }
        for (IResourceDelta child : delta.getAffectedChildren()) {
            if (touchesRulesFile(child)) {
                return true;
            }
        }
        return false;
    }

    private void inUi(Runnable update) {
        Display display = viewer.getControl().getDisplay();
        display.asyncExec(() -> {
            if (!viewer.getControl().isDisposed()) {
                update.run();
            }
        });
    }

    /** The rows as shown, for the Test Connection and Set Credentials actions of other parts and for tests. */
    public List<MailboxEntry> entries() {
        return entries;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(onRulesFileChange);
        reader.cancel();
        super.dispose();
    }
}
