package io.mailrules.app;

import org.eclipse.jface.action.Action;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;

/** Help > About Mailrules. */
final class AboutAction extends Action implements IWorkbenchAction {

    static final String ID = "io.mailrules.app.about";

    private IWorkbenchWindow window;

    AboutAction(IWorkbenchWindow window) {
        super("&About Mailrules");
        this.window = window;
        setId(ID);
        setActionDefinitionId("org.eclipse.ui.help.aboutAction");
    }

    @Override
    public void run() {
        if (window != null) {
            new AboutMailrulesDialog(window.getShell()).open();
        }
    }

    @Override
    public void dispose() {
        window = null;
    }
}
