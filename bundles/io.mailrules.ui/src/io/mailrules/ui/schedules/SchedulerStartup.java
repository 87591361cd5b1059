package io.mailrules.ui.schedules;

import org.eclipse.ui.IStartup;
import org.eclipse.ui.PlatformUI;

/** Starts the scheduler once the workbench is up, so enabled schedules run while it is open. */
public final class SchedulerStartup implements IStartup {

    @Override
    public void earlyStartup() {
        PlatformUI.getWorkbench().getService(Scheduler.class).start();
    }
}
