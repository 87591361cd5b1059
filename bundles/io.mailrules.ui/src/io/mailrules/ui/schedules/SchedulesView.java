package io.mailrules.ui.schedules;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.mailrules.ui.runs.Tables;

/**
 * The schedules of the rules files open in editors, with their next run and whether they run in this workbench.
 * Enabling one is kept in the workbench's preferences, not in the file.
 */
public final class SchedulesView extends ViewPart {

    public static final String ID = "io.mailrules.ui.schedules.view";
    public static final String TABLE = "schedules.table";
    public static final String STATUS = "schedules.status";

    private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");
    private static final int REFRESH_MILLIS = 30_000;

    private final Scheduler scheduler;
    private final ScheduleSwitches switches = new ScheduleSwitches();
    private final IPartListener2 editorsChanged = new IPartListener2() {
        @Override
        public void partOpened(IWorkbenchPartReference part) {
            refreshLater();
        }

        @Override
        public void partClosed(IWorkbenchPartReference part) {
            refreshLater();
        }

        @Override
        public void partInputChanged(IWorkbenchPartReference part) {
            refreshLater();
        }
    };
    private Label status;
    private TableViewer table;
    private Action enable;
    private Action disable;
    private Action runNow;

    public SchedulesView() {
        this.scheduler = PlatformUI.getWorkbench().getService(Scheduler.class);
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        status.setData("id", STATUS);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        table = Tables.create(parent, SWT.SINGLE, TABLE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.getTable());
        column("File", 180, row -> row.file().getFullPath().toString());
        column("Schedule", 120, row -> row.schedule().name());
        column("When", 170, row -> row.schedule().timing().describe());
        column("Runs", 160, row -> String.join(", ", row.schedule().jobs()));
        column("Next run", 170, row -> row.nextRun().map(TIMES::format).orElse("never"));
        column("Enabled", 70, row -> row.enabled() ? "yes" : "no");
        table.addSelectionChangedListener(event -> updateActions());
        createActions();
        getSite().getPage().addPartListener(editorsChanged);
        refresh();
        scheduleRefresh();
    }

    private void column(String title, int width, Function<ScheduleRow, String> text) {
        Tables.column(table, title, width, ScheduleRow.class, text);
    }

    private void createActions() {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        enable = new Action("Enable") {
            @Override
            public void run() {
                setSelectedEnabled(true);
            }
        };
        enable.setToolTipText("Run this schedule while the workbench is open");
        enable.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJS_INFO_TSK));
        disable = new Action("Disable") {
            @Override
            public void run() {
                setSelectedEnabled(false);
            }
        };
        disable.setToolTipText("Stop running this schedule in this workbench");
        disable.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ELCL_STOP));
        runNow = new Action("Run Now") {
            @Override
            public void run() {
                selected().ifPresent(scheduler::runNow);
            }
        };
        runNow.setToolTipText("Plan and apply this schedule's jobs now, journaled");
        runNow.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_FORWARD));
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(enable);
        toolbar.add(disable);
        toolbar.add(runNow);
        getViewSite().getActionBars().updateActionBars();
        updateActions();
    }

    private Optional<ScheduleRow> selected() {
        return Optional.ofNullable((ScheduleRow) ((IStructuredSelection) table.getSelection()).getFirstElement());
    }

    private void updateActions() {
        Optional<ScheduleRow> row = selected();
        enable.setEnabled(row.filter(r -> !r.enabled()).isPresent());
        disable.setEnabled(row.filter(ScheduleRow::enabled).isPresent());
        runNow.setEnabled(row.isPresent());
    }

    private void setSelectedEnabled(boolean enabled) {
        selected().ifPresent(row -> {
            switches.setEnabled(row.file(), row.schedule().name(), enabled);
            refresh();
        });
    }

    /** Lists the open files' schedules again, keeping the selection. */
    public void refresh() {
        if (table.getTable().isDisposed()) {
            return;
        }
        Optional<String> before = selected().map(ScheduleRow::key);
        List<ScheduleRow> rows = scheduler.rows();
        table.setInput(rows);
        before.flatMap(key -> rows.stream().filter(row -> row.key().equals(key)).findFirst())
                .ifPresent(row -> table.setSelection(new StructuredSelection(row), true));
        long enabled = rows.stream().filter(ScheduleRow::enabled).count();
        status.setText(rows.isEmpty() ? "No schedules in the open rules files (files with errors are left out)."
                : rows.size() + " schedule(s) in the open rules files, " + enabled
                        + " enabled: they run while the workbench is open and show in the Runs view.");
        status.getParent().layout(true, true);
        updateActions();
    }

    private void refreshLater() {
        if (!table.getTable().isDisposed()) {
            table.getTable().getDisplay().asyncExec(this::refresh);
        }
    }

    private void scheduleRefresh() {
        table.getTable().getDisplay().timerExec(REFRESH_MILLIS, () -> {
            if (!table.getTable().isDisposed()) {
                refresh();
                scheduleRefresh();
            }
        });
    }

    @Override
    public void setFocus() {
        table.getTable().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(editorsChanged);
        super.dispose();
    }
}
