package io.mailrules.ui;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

import com.google.inject.Injector;

import io.mailrules.dsl.ide.MailrulesIdeSetup;

/**
 * The bundle's activator. It owns the one Guice injector of the rules language in the workbench, so that every
 * editor, wizard and marker resolution shares the language's caches and registrations.
 */
public final class MailrulesUiPlugin extends AbstractUIPlugin {

    public static final String ID = "io.mailrules.ui";

    private static MailrulesUiPlugin running;

    private Injector injector;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        running = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        running = null;
        super.stop(context);
    }

    /** The active plug-in; the workbench activates it before any editor or wizard of it exists. */
    public static MailrulesUiPlugin get() {
        MailrulesUiPlugin plugin = running;
        if (plugin == null) {
            throw new IllegalStateException(ID + " is not active");
        }
        return plugin;
    }

    /**
     * The language's injector, created on first use: creating it takes about a second, which only the first editor
     * (or a wizard) should pay.
     */
    public synchronized Injector injector() {
        if (injector == null) {
            injector = new MailrulesIdeSetup().createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    public static <T> T service(Class<T> type) {
        return get().injector().getInstance(type);
    }

    public static void log(String message, Throwable failure) {
        get().getLog().log(new Status(IStatus.ERROR, ID, message, failure));
    }
}
