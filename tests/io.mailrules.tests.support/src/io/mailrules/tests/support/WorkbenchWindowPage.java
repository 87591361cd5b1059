package io.mailrules.tests.support;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

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

    private IWorkbenchPage page() {
        return window.getActivePage();
    }
}
