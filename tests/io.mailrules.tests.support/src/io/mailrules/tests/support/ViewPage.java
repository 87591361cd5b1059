package io.mailrules.tests.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/**
 * A view of the workbench as a user works it: its toolbar buttons, its tables and the labels and text fields the
 * product tagged with widget ids ({@code setData("id", ...)}).
 */
public class ViewPage {

    protected final IViewPart view;
    private final String anchorId;

    /** @param anchorId the id of a widget of the view, from which its toolbar is found */
    protected ViewPage(IViewPart view, String anchorId) {
        this.view = view;
        this.anchorId = anchorId;
    }

    /** Shows the view (opening it if needed) and brings it to the top of its stack. */
    public static IViewPart show(String viewId) {
        return Ui.call(() -> {
            try {
                return page().showView(viewId);
            } catch (PartInitException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public String labelText(String widgetId) {
        return Ui.call(() -> ((Label) control(widgetId)).getText());
    }

    /** Clicks the view's toolbar button with this tooltip or text; waits until it is enabled first. */
    public void clickToolbar(String name) {
        ToolItem item = Wait.forValue("an enabled '" + name + "' button in " + title(),
                () -> Ui.call(() -> toolItem(name).filter(ToolItem::isEnabled).orElse(null)), Wait.DEFAULT_TIMEOUT);
        Ui.runLater(() -> item.notifyListeners(SWT.Selection, new Event()));
        Ui.settle();
    }

    public boolean isToolbarEnabled(String name) {
        return Ui.call(() -> toolItem(name).map(ToolItem::isEnabled).orElse(false));
    }

    /** The rows of a table, each as its cells' texts. */
    public List<List<String>> rows(String tableId) {
        return Ui.call(() -> {
            Table table = (Table) control(tableId);
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < table.getItemCount(); i++) {
                TableItem item = table.getItem(i);
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < table.getColumnCount(); column++) {
                    cells.add(item.getText(column));
                }
                rows.add(cells);
            }
            return rows;
        });
    }

    /** The index of a table's column by its header. */
    public int column(String tableId, String header) {
        return Ui.call(() -> {
            TableColumn[] columns = ((Table) control(tableId)).getColumns();
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].getText().equals(header)) {
                    return i;
                }
            }
            throw new AssertionError("no column '" + header + "' in table " + tableId);
        });
    }

    /** Clicks a column header, which sorts by that column (a second click reverses the order). */
    public void clickColumnHeader(String tableId, String header) {
        int index = column(tableId, header);
        Ui.run(() -> ((Table) control(tableId)).getColumn(index).notifyListeners(SWT.Selection, new Event()));
        Ui.settle();
    }

    /** Clicks a table row whose cell in {@code header}'s column has this text, selecting it. */
    public void selectRow(String tableId, String header, String cell) {
        int index = column(tableId, header);
        Ui.run(() -> {
            Table table = (Table) control(tableId);
            TableItem item = Arrays.stream(table.getItems()).filter(i -> i.getText(index).equals(cell)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row with " + header + " '" + cell + "' in " + tableId));
            table.setSelection(item);
            Event event = new Event();
            event.item = item;
            table.notifyListeners(SWT.Selection, event);
        });
        Ui.settle();
    }

    /** Clicks into a text field and types, key by key. */
    public void typeInto(String textId, String text) {
        Ui.run(() -> {
            view.getSite().getPage().activate(view);
            view.getSite().getShell().forceActive();
            control(textId).setFocus();
        });
        Ui.settle();
        Keyboard.typeText(text);
    }

    public void clearText(String textId) {
        Ui.run(() -> ((Text) control(textId)).setText(""));
    }

    public String textOf(String textId) {
        return Ui.call(() -> ((Text) control(textId)).getText());
    }

    /** A picture of the workbench window with the view maximized, as a user reading it would have it. */
    public void screenshot(Path png) {
        Ui.run(() -> {
            IWorkbenchPage page = view.getSite().getPage();
            page.activate(view);
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        });
        Ui.settle();
        try {
            new WindowShot().screenshot(png);
        } finally {
            Ui.run(() -> view.getSite().getPage().setPartState(view.getSite().getPage().getReference(view),
                    IWorkbenchPage.STATE_RESTORED));
            Ui.settle();
        }
    }

    protected String title() {
        return Ui.call(view::getTitle);
    }

    private java.util.Optional<ToolItem> toolItem(String name) {
        // the view's toolbar sits in the part stack around the view, not inside the view's own composite
        for (Composite parent = control(anchorId).getParent(); parent != null; parent = parent.getParent()) {
            java.util.Optional<ToolItem> item = Widgets.toolItem(parent, name);
            if (item.isPresent()) {
                return item;
            }
        }
        return java.util.Optional.empty();
    }

    /** Widget ids are unique in the window, so the window's tree is searched. */
    protected Control control(String widgetId) {
        return Widgets.byId(view.getSite().getShell(), Control.class, widgetId)
                .orElseThrow(() -> new AssertionError("no widget " + widgetId + " in " + view.getTitle()));
    }

    protected static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static final class WindowShot extends ShellPage {
        WindowShot() {
            super(Ui.call(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()));
        }
    }
}
