package io.mailrules.tests.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * The list a content assist (Ctrl+Space) or quick assist (Ctrl+1) opens next to the caret, read from its table.
 * Keys and clicks posted while it is open did not reach it under Xvfb (no window manager), so choosing an entry is
 * not offered here yet.
 */
public final class ProposalPopup {

    private final Table table;

    private ProposalPopup(Table table) {
        this.table = table;
    }

    /** Waits for a proposal list to show this entry; the list fills asynchronously. */
    public static ProposalPopup waitForEntry(String entry) {
        Table table = Wait.forValue("a proposal list with '" + entry + "'",
                () -> Ui.call(() -> proposalTables().stream()
                        .filter(t -> Arrays.stream(t.getItems()).anyMatch(i -> i.getText().startsWith(entry)))
                        .findFirst().orElse(null)),
                Wait.DEFAULT_TIMEOUT);
        return new ProposalPopup(table);
    }

    public List<String> entries() {
        return Ui.call(() -> Arrays.stream(table.getItems()).map(TableItem::getText).toList());
    }

    private static List<Table> proposalTables() {
        List<Table> tables = new ArrayList<>();
        for (Shell shell : Ui.display().getShells()) {
            collect(shell, tables);
        }
        return tables;
    }

    private static void collect(Shell shell, List<Table> tables) {
        if (shell.isDisposed() || !shell.isVisible()) {
            return;
        }
        // popups are small shells without a title bar of their own, children of the workbench window
        if (shell.getParent() != null && (shell.getStyle() & SWT.TITLE) == 0) {
            findTable(shell).ifPresent(tables::add);
        }
        for (Shell child : shell.getShells()) {
            collect(child, tables);
        }
    }

    private static Optional<Table> findTable(Composite root) {
        for (Control child : root.getChildren()) {
            if (child instanceof Table table && table.isVisible()) {
                return Optional.of(table);
            }
            if (child instanceof Composite composite) {
                Optional<Table> found = findTable(composite);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
