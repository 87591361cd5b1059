package io.mailrules.ui.mail;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.PlatformUI;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.logins.SecretSources;
import io.mailrules.ui.preferences.MailPreferences;

/** The {@link WorkbenchMail} component, configured from the instance-scope Mailrules preferences. */
public final class WorkbenchMailService implements WorkbenchMail {

    private final MailJobs jobs = new MailJobs();
    private IEclipsePreferences node;
    private final IPreferenceChangeListener onChange = event -> reload();

    private MailPreferences preferences;
    private HostConnectionLimiter limiter;
    private ImapConnector connector;
    private JournalStore journals;
    private CredentialsStore credentials;

    /** Called by Declarative Services. */
    public void activate() {
        node = InstanceScope.INSTANCE.getNode(MailPreferences.NODE);
        node.addPreferenceChangeListener(onChange);
        reload();
    }

    /** Called by Declarative Services. */
    public void deactivate() {
        node.removePreferenceChangeListener(onChange);
    }

    private synchronized void reload() {
        MailPreferences now = MailPreferences.read(node);
        if (limiter == null || limiter.maxPerHost() != now.connectionsPerHost()) {
            limiter = new HostConnectionLimiter(now.connectionsPerHost());
        }
        connector = new ImapConnector(now.connectorOptions(), limiter);
        Path journalDirectory = now.journalDirectory().toAbsolutePath();
        if (journals == null || !journals.directory().equals(journalDirectory)) {
            journals = new JournalStore(journalDirectory);
        }
        preferences = now;
    }

    @Override
    public synchronized ImapConnector connector() {
        return connector;
    }

    @Override
    public synchronized JournalStore journals() {
        return journals;
    }

    @Override
    public synchronized MailPreferences preferences() {
        return preferences;
    }

    @Override
    public synchronized CredentialsStore credentials() {
        if (credentials == null) {
            credentials = CredentialsStore.openDefault();
        }
        return credentials;
    }

    @Override
    public synchronized void useCredentials(CredentialsStore store) {
        credentials = store;
    }

    @Override
    public WorkbenchLogins logins(Model rules) {
        return new WorkbenchLogins(rules, credentials(), SecretSources.ofProcess(),
                new DialogCredentialsPrompt(PlatformUI.getWorkbench().getDisplay()), preferences().refuseUnencrypted());
    }

    @Override
    public WorkbenchLogins unattendedLogins(Model rules) {
        return new WorkbenchLogins(rules, credentials(), SecretSources.ofProcess(), CredentialsPrompt.NOBODY,
                preferences().refuseUnencrypted());
    }

    @Override
    public MailJobs jobs() {
        return jobs;
    }
}
