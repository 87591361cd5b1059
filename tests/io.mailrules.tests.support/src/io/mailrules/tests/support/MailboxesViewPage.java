package io.mailrules.tests.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.mailrules.ui.mailboxes.MailboxesView;

/** The Mailboxes view: its rows as a user reads them, row selection and its tool bar, by real input events. */
public final class MailboxesViewPage {

    private final Table table;

    private MailboxesViewPage(Table table) {
        this.table = table;
    }

    /** Brings the view to the front (opening it if needed), as Window > Show View does. */
    public static MailboxesViewPage show() {
        Table table = Ui.call(() -> {
            try {
                MailboxesView view = (MailboxesView) PlatformUI.getWorkbench().getActiveWorkbenchWindow()
                        .getActivePage().showView(MailboxesView.ID);
                return Widgets.byId(viewComposite(view), Table.class, MailboxesView.TABLE_ID).orElseThrow();
            } catch (PartInitException e) {
                throw new IllegalStateException(e);
            }
        });
        return new MailboxesViewPage(table);
    }

    private static org.eclipse.swt.widgets.Composite viewComposite(MailboxesView view) {
        return view.getSite().getShell();
    }

    /** Each row as column title to text, in table order. */
    public List<Map<String, String>> rows() {
        return Ui.call(() -> {
            TableColumn[] columns = table.getColumns();
            return Arrays.stream(table.getItems()).map(item -> {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.length; i++) {
                    row.put(columns[i].getText(), item.getText(i));
                }
                return row;
            }).toList();
        });
    }

    /** Waits until the mailbox's row satisfies the condition, and returns it. */
    public Map<String, String> waitForRow(String mailbox, String what, Predicate<Map<String, String>> condition) {
        return Wait.forValue("mailbox " + mailbox + "'s row: " + what, () -> rows().stream()
                .filter(row -> mailbox.equals(row.get("Mailbox"))).filter(condition).findFirst().orElse(null),
                Duration.ofSeconds(30));
    }

    /** Clicks the mailbox's row, which selects it alone. */
    public void select(String mailbox) {
        TableItem item = Ui.call(() -> Arrays.stream(table.getItems())
                .filter(row -> mailbox.equals(row.getText(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for mailbox " + mailbox)));
        Ui.run(() -> table.showItem(item));
        Mouse.click(table, Ui.call(() -> item.getBounds(0)));
        Wait.until("mailbox " + mailbox + " to be selected", () -> Ui.call(() -> table.getSelectionCount() == 1
                && table.getSelection()[0] == item));
    }

    /** Clicks Test Connection on the view's tool bar. */
    public void testConnection() {
        clickToolItem(MailboxesView.TEST_CONNECTION);
    }

    /** Clicks Set Credentials... on the view's tool bar; it opens a dialog. */
    public void setCredentials() {
        clickToolItem(MailboxesView.SET_CREDENTIALS);
    }

    private void clickToolItem(String label) {
        ToolItem item = Ui.call(() -> {
            Shell shell = table.getShell();
            return Widgets.toolItem(shell, label)
                    .orElseThrow(() -> new AssertionError("no tool bar button '" + label + "'"));
        });
        Mouse.click(Ui.call(item::getParent), Ui.call(item::getBounds));
    }

    public void pressKey(int keyCode) {
        Ui.run(() -> table.setFocus());
        Keyboard.pressKeyCode(keyCode);
    }

    /** Whether a row shows a failure, as the view draws failed rows in red. */
    public boolean isShownAsFailed(String mailbox) {
        return Ui.call(() -> {
            int status = Arrays.asList(table.getColumns()).stream().map(TableColumn::getText).toList()
                    .indexOf("Status");
            return Arrays.stream(table.getItems()).filter(row -> mailbox.equals(row.getText(0))).anyMatch(
                    row -> row.getForeground(status).equals(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED)));
        });
    }
}
