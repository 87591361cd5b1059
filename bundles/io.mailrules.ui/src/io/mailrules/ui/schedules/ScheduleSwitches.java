package io.mailrules.ui.schedules;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

import io.mailrules.ui.MailrulesUiPlugin;

/**
 * Which schedules run in this workbench, kept in the workbench's preferences rather than in the file, so that
 * opening a colleague's rules file never starts runs against real mailboxes by itself: a schedule runs only once
 * someone enabled it here.
 */
public final class ScheduleSwitches {

    private static final String NODE = MailrulesUiPlugin.ID + ".schedules";

    public static String key(IFile file, String schedule) {
        return file.getFullPath() + "#" + schedule;
    }

    public boolean isEnabled(IFile file, String schedule) {
        return node().getBoolean(key(file, schedule), false);
    }

    public void setEnabled(IFile file, String schedule, boolean enabled) {
        IEclipsePreferences node = node();
        if (enabled) {
            node.putBoolean(key(file, schedule), true);
        } else {
            node.remove(key(file, schedule));
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            MailrulesUiPlugin.log("cannot save whether schedule " + key(file, schedule) + " is enabled", e);
        }
    }

    private static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
