package io.mailrules.ui.preview;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.mailrules.core.check.PlanGate;
import io.mailrules.core.check.Refusal;
import io.mailrules.core.plan.FolderDelta;
import io.mailrules.core.plan.FolderRef;
import io.mailrules.core.run.MailboxReport;
import io.mailrules.core.run.RunResult;
import io.mailrules.ui.runs.RunServices;
import io.mailrules.ui.runs.Tables;

/**
 * The dry run of a rules file: counts per rule and per folder, folder deltas, folders to create, warnings, and every
 * planned message in a table that filters, sorts and exports to CSV. Apply sends exactly the plans shown.
 */
public final class PreviewView extends ViewPart {

    public static final String ID = "io.mailrules.ui.preview.view";
    /** Widget ids, for tests and accessibility tools. */
    public static final String STATUS = "preview.status";
    public static final String RULES = "preview.rules";
    public static final String FOLDERS = "preview.folders";
    public static final String DELTAS = "preview.deltas";
    public static final String CREATE = "preview.create";
    public static final String WARNINGS = "preview.warnings";
    public static final String CHECKS = "preview.checks";
    public static final String FILTER = "preview.filter";
    public static final String TABLE = "preview.table";

    private final RunServices services;
    private Label status;
    private Label rules;
    private Label folders;
    private Label deltas;
    private Label create;
    private Label warnings;
    private Label checks;
    private Text filter;
    private TableViewer table;
    private Action previewAgain;
    private Action apply;
    private Action export;
    private RulesFile shown;
    private Preview preview;
    private PreviewColumn sortColumn;
    private boolean descending;

    public PreviewView() {
        this.services = PlatformUI.getWorkbench().getService(RunServices.class);
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        status = row(parent, "", STATUS);
        rules = row(parent, "Rules:", RULES);
        folders = row(parent, "Per folder:", FOLDERS);
        deltas = row(parent, "Folder changes:", DELTAS);
        create = row(parent, "Creates:", CREATE);
        warnings = row(parent, "Warnings:", WARNINGS);
        checks = row(parent, "Apply stops at:", CHECKS);
        new Label(parent, SWT.NONE).setText("Filter:");
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("words that every row shown must contain");
        filter.setData("id", FILTER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addModifyListener(event -> showRows());
        table = Tables.create(parent, SWT.MULTI | SWT.VIRTUAL, TABLE);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(table.getTable());
        for (PreviewColumn column : PreviewColumn.values()) {
            TableColumn tableColumn = Tables.column(table, column.header(), column.width(), PreviewRow.class,
                    column::text).getColumn();
            tableColumn.addListener(SWT.Selection, event -> sortBy(column, tableColumn));
        }
        createActions();
        showPreview();
    }

    private static Label row(Composite parent, String caption, String id) {
        Label title = new Label(parent, SWT.NONE);
        title.setText(caption);
        Label value = new Label(parent, SWT.WRAP);
        value.setData("id", id);
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(value);
        return value;
    }

    private void createActions() {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        previewAgain = new Action("Preview Again") {
            @Override
            public void run() {
                if (shown != null) {
                    preview(shown.file());
                }
            }
        };
        previewAgain.setToolTipText("Preview the rules file again (dry run, changes nothing)");
        previewAgain.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_REDO));
        apply = new Action("Apply") {
            @Override
            public void run() {
                applyShownPlans();
            }
        };
        apply.setToolTipText("Apply exactly the previewed plan, journaled");
        apply.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_FORWARD));
        export = new Action("Export CSV...") {
            @Override
            public void run() {
                chooseCsvFile();
            }
        };
        export.setToolTipText("Save the message table as CSV");
        export.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_SAVEAS_EDIT));
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(previewAgain);
        toolbar.add(apply);
        toolbar.add(export);
        getViewSite().getActionBars().updateActionBars();
    }

    /** Starts a dry run of the saved file; the view fills in when every mailbox has been read. */
    public void preview(IFile file) {
        RulesFile loaded;
        try {
            loaded = new RulesFileLoader().load(file);
            setBusy("Previewing " + file.getFullPath() + " ...");
            shown = loaded;
            preview = null;
            new PreviewJobs(services).start(loaded, done -> asyncShow(loaded, done));
        } catch (RulesFileException | IllegalArgumentException e) {
            shown = null;
            preview = null;
            showPreview();
            status.setText(e.getMessage());
            status.getParent().layout(true, true);
        }
    }

    private void asyncShow(RulesFile rulesFile, Preview done) {
        if (table.getTable().isDisposed()) {
            return;
        }
        table.getTable().getDisplay().asyncExec(() -> {
            if (!table.getTable().isDisposed() && rulesFile == shown) {
                preview = done;
                showPreview();
            }
        });
    }

    private void setBusy(String message) {
        apply.setEnabled(false);
        export.setEnabled(false);
        previewAgain.setEnabled(false);
        status.setText(message);
        status.getParent().layout(true, true);
    }

    private void showPreview() {
        boolean ready = preview != null;
        previewAgain.setEnabled(shown != null);
        apply.setEnabled(ready && preview.hasWork());
        export.setEnabled(ready);
        if (!ready) {
            status.setText("Choose Preview Run on a rules file (its context menu, or the editor's) for a dry run.");
            for (Label label : List.of(rules, folders, deltas, create, warnings, checks)) {
                label.setText("");
            }
            table.setInput(List.of());
            return;
        }
        setPartName("Preview: " + shown.file().getName());
        List<Refusal> refusals = preview.refusals();
        status.setText(preview.file() + ": " + preview.messageCount() + " message(s) would change in "
                + preview.mailboxes().stream().filter(mailbox -> mailbox.plan().isPresent()).count() + " of "
                + preview.mailboxes().size() + " mailbox(es)" + (refusals.isEmpty() ? ""
                        : "; Apply would stop at " + preview.refusedMailboxes().size()
                                + " mailbox(es) and asks before going past"));
        rules.setText(counts(preview.countsPerRule()));
        folders.setText(counts(preview.countsPerFolder()));
        deltas.setText(preview.folderDeltas().stream().map(this::delta).collect(Collectors.joining("   ")));
        create.setText(preview.foldersToCreate().isEmpty() ? "none"
                : preview.foldersToCreate().stream().map(this::folder).collect(Collectors.joining(", ")));
        warnings.setText(preview.warnings().isEmpty() ? "none" : String.join("\n", preview.warnings()));
        checks.setText(refusals.isEmpty() ? "nothing: every mailbox is within its change limits and its server's"
                + " abilities" : refusals.stream().map(Refusal::message).collect(Collectors.joining("\n")));
        showRows();
        status.getParent().layout(true, true);
    }

    private String folder(FolderRef folder) {
        return preview.mailboxes().size() > 1 ? folder.mailbox() + "/" + folder.folder() : folder.folder();
    }

    private String delta(FolderDelta delta) {
        return preview.mailboxes().size() > 1 ? delta.mailbox() + "/" + delta : delta.toString();
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The rows that pass the filter, in the chosen order. */
    public List<PreviewRow> visibleRows() {
        if (preview == null) {
            return List.of();
        }
        List<PreviewRow> rows = preview.rows().stream().filter(new PreviewFilter(filter.getText())).toList();
        if (sortColumn != null) {
            Comparator<PreviewRow> order = sortColumn.order();
            rows = rows.stream().sorted(descending ? order.reversed() : order).toList();
        }
        return rows;
    }

    private void showRows() {
        table.setInput(visibleRows());
    }

    private void sortBy(PreviewColumn column, TableColumn widget) {
        descending = column == sortColumn && !descending;
        sortColumn = column;
        table.getTable().setSortColumn(widget);
        table.getTable().setSortDirection(descending ? SWT.DOWN : SWT.UP);
        showRows();
    }

    private void chooseCsvFile() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText("Export Preview as CSV");
        dialog.setFilterExtensions(new String[] {"*.csv", "*"});
        dialog.setFileName(shown == null ? "preview.csv" : shown.file().getName().replace(".mailrules", "") + "-preview.csv");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            exportCsv(Path.of(chosen));
        }
    }

    /** Writes the rows shown (filtered and sorted) as CSV. */
    public void exportCsv(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvExport.write(visibleRows(), out);
            status.setText("Exported " + visibleRows().size() + " row(s) to " + file);
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Export Preview", "Cannot write " + file + ": "
                    + e.getMessage());
        }
    }

    private void applyShownPlans() {
        Preview applying = preview;
        RulesFile rulesFile = shown;
        if (applying == null || !applying.hasWork()) {
            return;
        }
        PlanGate gate = applying.gate();
        List<Refusal> refusals = applying.refusals();
        if (!refusals.isEmpty()) {
            ApplyPastChecks.Choice choice = ApplyPastChecks.ask(getSite().getShell(), refusals);
            if (choice.cancelled()) {
                return;
            }
            gate = gate.with(choice.consent());
        }
        setBusy("Applying the previewed plan of " + applying.file() + " ...");
        new ApplyJob("Apply " + applying.file(), services, rulesFile, applying.plan().orElseThrow(), gate,
                outcome -> table.getTable().getDisplay().asyncExec(() -> showApplied(applying, outcome))).schedule();
    }

    private void showApplied(Preview applied, ApplyJob.ApplyOutcome outcome) {
        if (status.isDisposed()) {
            return;
        }
        previewAgain.setEnabled(true);
        export.setEnabled(true);
        // A plan is applied once: its UIDs are stale afterwards, so Apply waits for a new preview.
        apply.setEnabled(false);
        String text = outcome.run().map(run -> "run " + run.runId() + ": "
                + run.status().name().toLowerCase(Locale.ROOT) + ", " + run.batchesDone()
                + " batch(es) done, " + run.batchesFailed() + " failed, " + run.batchesNotSent() + " not sent; "
                + run.uidsActedOn() + " message action(s)" + (run.batchesDone() > 0 ? "; the Runs view can undo it"
                        : "") + refused(run))
                .orElseGet(() -> outcome.problem().orElse(""));
        status.setText("Applied " + applied.file() + ": " + text);
        status.getParent().layout(true, true);
    }

    private static String refused(RunResult run) {
        List<String> refused = run.mailboxes().stream().filter(MailboxReport::isRefused).map(MailboxReport::mailbox)
                .toList();
        return refused.isEmpty() ? "" : "; refused, nothing changed in: " + String.join(", ", refused);
    }

    @Override
    public void setFocus() {
        table.getTable().setFocus();
    }
}
