package io.mailrules.tests.support;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ISetSelectionTarget;

import io.mailrules.app.MailRulesPerspective;

/** The Mailrules workbench window as a user sees it: title, perspective, views and menus. */
public final class WorkbenchWindowPage extends ShellPage {

    private final IWorkbenchWindow window;

    private WorkbenchWindowPage(IWorkbenchWindow window) {
        super(Ui.call(window::getShell));
        this.window = window;
    }

    /** Waits until the workbench has opened its window. */
    public static WorkbenchWindowPage waitForWorkbench() {
        IWorkbenchWindow window = Wait.forValue("the workbench window", () -> Ui.call(() -> {
            if (!PlatformUI.isWorkbenchRunning()) {
                return null;
            }
            IWorkbenchWindow[] windows = PlatformUI.getWorkbench().getWorkbenchWindows();
            return windows.length > 0 && windows[0].getShell().isVisible() ? windows[0] : null;
        }), Wait.DEFAULT_TIMEOUT);
        return new WorkbenchWindowPage(window);
    }

    public String activePerspectiveId() {
        return Ui.call(() -> page().getPerspective().getId());
    }

    public String activePerspectiveLabel() {
        return Ui.call(() -> page().getPerspective().getLabel());
    }

    /** Ids of the views the page shows (open, whether or not on top of their stack). */
    public List<String> openViewIds() {
        return Ui.call(() -> Arrays.stream(page().getViewReferences()).map(IViewReference::getId).toList());
    }

    /** Opens a menu of the menu bar by its mnemonic and chooses an item by its mnemonic, with the keyboard. */
    public void chooseMenu(char menuMnemonic, char itemMnemonic) {
        activate();
        Keyboard.press(SWT.ALT, menuMnemonic);
        Keyboard.type(itemMnemonic);
    }

    /**
     * Chooses a menu item by its path of labels (mnemonics and shortcuts left out), e.g. File, New, Project... Menus
     * are filled as when they open; the item is chosen without waiting, since it may open a modal dialog.
     */
    public void chooseMenuItem(String... path) {
        MenuItem item = Ui.call(() -> {
            Menu menu = shell.getMenuBar();
            MenuItem found = null;
            for (String label : path) {
                if (menu == null) {
                    throw new AssertionError("'" + found.getText() + "' has no submenu");
                }
                menu.notifyListeners(SWT.Show, new Event());
                found = Arrays.stream(menu.getItems()).filter(i -> label.equals(plain(i.getText()))).findFirst()
                        .orElseThrow(() -> new AssertionError("no menu item '" + label + "' in " + path[0]));
                menu = found.getMenu();
            }
            return found;
        });
        Ui.runLater(() -> item.notifyListeners(SWT.Selection, new Event()));
    }

    private static String plain(String menuText) {
        int tab = menuText.indexOf('\t');
        return (tab < 0 ? menuText : menuText.substring(0, tab)).replace("&", "");
    }

    /** Selects a resource in the Project Explorer and makes that view active, as a click on the resource does. */
    public void selectInProjectExplorer(Object resource) {
        Ui.run(() -> {
            try {
                IViewPart explorer = page().showView(MailRulesPerspective.PROJECT_EXPLORER);
                ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(resource));
                page().activate(explorer);
            } catch (PartInitException e) {
                throw new IllegalStateException(e);
            }
        });
        Ui.settle();
    }

    /** The Problems view's count line, e.g. "1 error, 0 warnings, 0 others" or "0 items". */
    public String problemsViewSummary() {
        return labelTexts().stream()
                .filter(text -> text.matches("\\d+ items?|\\d+ errors?, \\d+ warnings?, \\d+ others?"))
                .findFirst().orElse("");
    }

    private IWorkbenchPage page() {
        return window.getActivePage();
    }
}
