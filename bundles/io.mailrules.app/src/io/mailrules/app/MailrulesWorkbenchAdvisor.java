package io.mailrules.app;

import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;

/** Workbench lifecycle: the Mail Rules perspective first, and a workspace that Project Explorer shows and that is saved on exit. */
final class MailrulesWorkbenchAdvisor extends WorkbenchAdvisor {

    private final StartupOptions options;
    private DemoStart demo;

    MailrulesWorkbenchAdvisor(StartupOptions options) {
        this.options = options;
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        // Project Explorer and the Problems view adapt resources through the IDE's adapters.
        IDE.registerAdapters();
        configurer.setSaveAndRestore(!options.exitAfterStartup());
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return MailRulesPerspective.ID;
    }

    @Override
    public IAdaptable getDefaultPageInput() {
        return ResourcesPlugin.getWorkspace().getRoot();
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new MailrulesWindowAdvisor(configurer, options);
    }

    @Override
    public void postStartup() {
        if (options.demo()) {
            demo = DemoStart.begin(PlatformUI.getWorkbench(), options.demoPort());
        }
    }

    @Override
    public void postShutdown() {
        if (demo != null) {
            demo.close();
        }
        // Unsaved workspace state would make the next start run a full refresh and lose markers.
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        try {
            workspace.save(true, new NullProgressMonitor());
        } catch (CoreException e) {
            ILog.of(getClass()).log(e.getStatus());
        }
    }
}
