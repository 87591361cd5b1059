package io.mailrules.ui.runs;

import java.time.Clock;

import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.AbstractServiceFactory;
import org.eclipse.ui.services.IServiceLocator;

import io.mailrules.ui.mail.WorkbenchMail;
import io.mailrules.ui.schedules.ScheduleSwitches;
import io.mailrules.ui.schedules.Scheduler;

/**
 * Makes {@link RunServices} and the {@link Scheduler} workbench services: every view and handler asks the workbench
 * for them ({@code getService}) and so shares the mail layer's connector and journal and one scheduler.
 */
public final class RunServicesFactory extends AbstractServiceFactory {

    private RunServices services;
    private Scheduler scheduler;

    @Override
    public synchronized Object create(@SuppressWarnings("rawtypes") Class serviceInterface,
            IServiceLocator parentLocator, IServiceLocator locator) {
        if (serviceInterface == RunServices.class) {
            return services();
        }
        if (serviceInterface == Scheduler.class) {
            if (scheduler == null) {
                scheduler = new Scheduler(services(), new ScheduleSwitches(), PlatformUI.getWorkbench());
            }
            return scheduler;
        }
        return null;
    }

    private RunServices services() {
        if (services == null) {
            services = new WorkbenchRunServices(WorkbenchMail.lookup(RunServicesFactory.class),
                    Clock.systemDefaultZone());
        }
        return services;
    }
}
