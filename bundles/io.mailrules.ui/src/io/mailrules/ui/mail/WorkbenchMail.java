package io.mailrules.ui.mail;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.imap.ImapConnector;
import io.mailrules.ui.preferences.MailPreferences;

/**
 * The workbench's mail layer, one per workbench (an OSGi service): the connector whose per-host connection limit
 * and timeouts every view and job shares, the journal store, the logins of a rules file and the jobs that talk
 * IMAP. Settings come from the Mailrules preferences and take effect for connections opened after a change.
 */
public interface WorkbenchMail {

    /** The connector with the current preferences; sessions already open keep theirs. */
    ImapConnector connector();

    /** The journal at the preferred location; one store per directory, as the store requires. */
    JournalStore journals();

    MailPreferences preferences();

    /** Where mailbox secrets are kept: the default secure storage unless {@link #useCredentials} chose another. */
    CredentialsStore credentials();

    /** Keeps secrets in another store from now on: for tests and the demo, which must not touch the user's. */
    void useCredentials(CredentialsStore store);

    /** Logins that ask the user in a dialog when a secret is found nowhere; for work the user started. */
    WorkbenchLogins logins(Model rules);

    /** Logins that never ask (the mailbox fails with the reason instead); for scheduled, unattended runs. */
    WorkbenchLogins unattendedLogins(Model rules);

    MailJobs jobs();

    /** The running service, looked up for the calling bundle's class. */
    static WorkbenchMail lookup(Class<?> caller) {
        Bundle bundle = FrameworkUtil.getBundle(caller);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        ServiceReference<WorkbenchMail> reference = context == null ? null
                : context.getServiceReference(WorkbenchMail.class);
        WorkbenchMail mail = reference == null ? null : context.getService(reference);
        if (mail == null) {
            throw new IllegalStateException("the Mailrules mail service is not running (Declarative Services must"
                    + " be started)");
        }
        return mail;
    }
}
