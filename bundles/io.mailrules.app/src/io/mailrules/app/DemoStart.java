package io.mailrules.app;

import java.time.Clock;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;

import io.mailrules.demo.DemoOptions;
import io.mailrules.ui.demo.DemoWorkspace;
import io.mailrules.ui.mail.WorkbenchMail;

/**
 * {@code --demo}: starts the embedded demo server in a background job (generating its mailboxes takes a moment the
 * window should not freeze for), then opens the sample rules file in the editor. When the server cannot start, the
 * workbench stays open and says why; when the workbench closes, the server stops.
 */
final class DemoStart {

    private DemoWorkspace workspace;
    private boolean closed;

    private DemoStart() {
    }

    /** @param port the demo server's IMAP port, 0 for a free one */
    static DemoStart begin(IWorkbench workbench, int port) {
        DemoStart demo = new DemoStart();
        Job job = Job.create("Starting the Mailrules demo server", monitor -> {
            demo.start(workbench, port);
            return Status.OK_STATUS;
        });
        job.schedule();
        return demo;
    }

    // Holding the lock while starting makes a close during start-up wait, so the server is always stopped.
    private synchronized void start(IWorkbench workbench, int port) {
        Display display = workbench.getDisplay();
        try {
            DemoWorkspace started = DemoWorkspace.start(DemoOptions.defaults(Clock.systemDefaultZone()).withPort(port),
                    WorkbenchMail.lookup(DemoStart.class));
            if (closed) {
                started.close();
                return;
            }
            workspace = started;
            System.out.println("mailrules: demo server on " + started.server().host() + ":"
                    + started.server().imapPort() + ", sample file " + started.rulesFile().getFullPath());
            display.asyncExec(() -> open(workbench, started));
        } catch (Exception e) {
            ILog.of(DemoStart.class).error("the demo could not start", e);
            display.asyncExec(() -> {
                IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
                MessageDialog.openError(window == null ? null : window.getShell(), "Mailrules Demo",
                        "The demo server could not start: " + e.getMessage());
            });
        }
    }

    private static void open(IWorkbench workbench, DemoWorkspace started) {
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null) {
            return;
        }
        try {
            IDE.openEditor(window.getActivePage(), started.rulesFile());
        } catch (PartInitException e) {
            ILog.of(DemoStart.class).error("cannot open the demo's rules file", e);
        }
    }

    synchronized void close() {
        closed = true;
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }
}
