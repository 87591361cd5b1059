package io.mailrules.app;

import java.time.Clock;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;

import io.mailrules.ui.demo.DemoWorkspace;
import io.mailrules.ui.mail.WorkbenchMail;

/**
 * {@code --demo}: starts the embedded demo server, opens its sample rules file in the editor and says what to try.
 * When the server cannot start, the workbench opens anyway and says why.
 */
final class DemoStart {

    private final DemoWorkspace workspace;

    private DemoStart(DemoWorkspace workspace) {
        this.workspace = workspace;
    }

    static DemoStart open(IWorkbench workbench) {
        IWorkbenchPage page = workbench.getActiveWorkbenchWindow().getActivePage();
        try {
            DemoWorkspace started = DemoWorkspace.start(Clock.systemDefaultZone(), WorkbenchMail.lookup(DemoStart.class));
            IDE.openEditor(page, started.rulesFile());
            System.out.println("mailrules: demo server on " + started.server().host() + ":"
                    + started.server().imapPort() + ", sample file " + started.rulesFile().getFullPath());
            return new DemoStart(started);
        } catch (Exception e) {
            ILog.of(DemoStart.class).error("the demo could not start", e);
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Mailrules Demo",
                    "The demo server could not start: " + e.getMessage());
            return null;
        }
    }

    void close() {
        workspace.close();
    }
}
