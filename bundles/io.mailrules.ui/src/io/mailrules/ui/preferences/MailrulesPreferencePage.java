package io.mailrules.ui.preferences;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Window > Preferences > Mailrules: connections per host, timeouts, TLS policy and the journal location. The mail
 * layer reads them from the same preference node and applies them to connections opened after OK or Apply.
 */
public final class MailrulesPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "io.mailrules.ui.preferences.mail";

    public MailrulesPreferencePage() {
        super(GRID);
        setDescription("Connections to IMAP servers and where runs are journaled. Mailbox passwords are never kept"
                + " here: they are in secure storage.");
    }

    @Override
    public void init(IWorkbench workbench) {
        // nothing to initialise beyond the preference store
    }

    @Override
    protected IPreferenceStore doGetPreferenceStore() {
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, MailPreferences.NODE);
        store.setDefault(MailPreferences.CONNECTIONS_PER_HOST, MailPreferences.DEFAULT_CONNECTIONS_PER_HOST);
        store.setDefault(MailPreferences.CONNECT_TIMEOUT_SECONDS, MailPreferences.DEFAULT_CONNECT_TIMEOUT_SECONDS);
        store.setDefault(MailPreferences.READ_TIMEOUT_SECONDS, MailPreferences.DEFAULT_READ_TIMEOUT_SECONDS);
        store.setDefault(MailPreferences.REFUSE_UNENCRYPTED, MailPreferences.DEFAULT_REFUSE_UNENCRYPTED);
        store.setDefault(MailPreferences.JOURNAL_DIRECTORY, MailPreferences.defaultJournalDirectory().toString());
        return store;
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        integer(MailPreferences.CONNECTIONS_PER_HOST, "&Connections per host:", 1,
                MailPreferences.MAX_CONNECTIONS_PER_HOST);
        integer(MailPreferences.CONNECT_TIMEOUT_SECONDS, "Connect &timeout (seconds):", 1,
                MailPreferences.MAX_TIMEOUT_SECONDS);
        integer(MailPreferences.READ_TIMEOUT_SECONDS, "&Read timeout (seconds):", 1,
                MailPreferences.MAX_TIMEOUT_SECONDS);
        addField(new BooleanFieldEditor(MailPreferences.REFUSE_UNENCRYPTED,
                "Refuse &unencrypted connections (mailboxes declared 'plain insecure')", parent));
        Label trust = new Label(parent, SWT.WRAP);
        trust.setText("A server certificate is trusted when an authority this computer trusts signed it for the"
                + " host, or when it is exactly the one a mailbox's 'trust certificate' fingerprint names. Other"
                + " self-signed certificates are always refused.");
        GridDataFactory.fillDefaults().span(3, 1).hint(480, SWT.DEFAULT).grab(true, false).applyTo(trust);
        DirectoryFieldEditor journal = new DirectoryFieldEditor(MailPreferences.JOURNAL_DIRECTORY,
                "&Journal directory:", parent) {
            // The journal creates its directory on the first run; it need not exist yet, only be absolute.
            @Override
            protected boolean doCheckState() {
                return Path.of(getStringValue().strip()).isAbsolute();
            }
        };
        journal.setErrorMessage("The journal directory must be an absolute path");
        journal.setEmptyStringAllowed(false);
        journal.getTextControl(parent).setData("id", MailPreferences.JOURNAL_DIRECTORY);
        addField(journal);
    }

    private void integer(String key, String label, int min, int max) {
        IntegerFieldEditor editor = new IntegerFieldEditor(key, label, getFieldEditorParent());
        editor.setValidRange(min, max);
        editor.getTextControl(getFieldEditorParent()).setData("id", key);
        addField(editor);
    }
}
