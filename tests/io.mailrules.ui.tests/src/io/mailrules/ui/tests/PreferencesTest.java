package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.tests.support.PreferencesDialogPage;
import io.mailrules.tests.support.Wait;
import io.mailrules.tests.support.WorkbenchWindowPage;
import io.mailrules.ui.mail.WorkbenchMail;
import io.mailrules.ui.preferences.MailPreferences;

/** Window > Preferences > Mailrules: values typed there reach the mail layer and come back when reopened. */
class PreferencesTest {

    private static final String REFUSE = "Refuse unencrypted connections (mailboxes declared 'plain insecure')";

    @TempDir
    Path journal;

    private WorkbenchWindowPage workbench;
    private WorkbenchMail mail;

    @BeforeEach
    void findWorkbench() {
        workbench = WorkbenchWindowPage.waitForWorkbench();
        mail = WorkbenchMail.lookup(PreferencesTest.class);
    }

    @AfterEach
    void restoreDefaults() {
        PreferencesDialogPage dialog = PreferencesDialogPage.open(workbench);
        dialog.selectPage("Mailrules");
        dialog.click("Restore Defaults");
        dialog.click("Apply and Close");
        dialog.waitUntilClosed();
        Wait.until("the defaults to reach the mail layer", () -> mail.preferences().connectionsPerHost()
                == MailPreferences.DEFAULT_CONNECTIONS_PER_HOST && !mail.preferences().refuseUnencrypted());
    }

    @Test
    void valuesEnteredReachTheMailLayerAndShowAgainWhenReopened() {
        PreferencesDialogPage dialog = PreferencesDialogPage.open(workbench);
        dialog.selectPage("Mailrules");
        assertEquals("4", dialog.field(MailPreferences.CONNECTIONS_PER_HOST));
        assertFalse(dialog.isChecked(REFUSE));

        dialog.typeInto(MailPreferences.CONNECTIONS_PER_HOST, "2");
        dialog.typeInto(MailPreferences.CONNECT_TIMEOUT_SECONDS, "7");
        dialog.click(REFUSE);
        Wait.until("the check box to be ticked", () -> dialog.isChecked(REFUSE));
        dialog.screenshot(Screenshots.file("preferences-mailrules.png"));
        dialog.typeInto(MailPreferences.JOURNAL_DIRECTORY, journal.toString());
        dialog.click("Apply and Close");
        dialog.waitUntilClosed();

        Wait.until("the preferences to reach the mail layer", () -> mail.preferences().connectionsPerHost() == 2);
        MailPreferences applied = mail.preferences();
        assertEquals(Duration.ofSeconds(7), applied.connectTimeout());
        assertTrue(applied.refuseUnencrypted());
        assertEquals(journal, applied.journalDirectory());
        assertEquals(journal, mail.journals().directory(), "the journal store moved with the preference");

        PreferencesDialogPage again = PreferencesDialogPage.open(workbench);
        again.selectPage("Mailrules");
        assertEquals("2", again.field(MailPreferences.CONNECTIONS_PER_HOST));
        assertEquals("7", again.field(MailPreferences.CONNECT_TIMEOUT_SECONDS));
        assertEquals(journal.toString(), again.field(MailPreferences.JOURNAL_DIRECTORY));
        assertTrue(again.isChecked(REFUSE));
        again.click("Cancel");
        again.waitUntilClosed();
    }

    @Test
    void anOutOfRangeConnectionLimitIsRefusedOnThePage() {
        PreferencesDialogPage dialog = PreferencesDialogPage.open(workbench);
        dialog.selectPage("Mailrules");
        dialog.typeInto(MailPreferences.CONNECTIONS_PER_HOST, "0");
        assertFalse(dialog.isEnabled("Apply and Close"), "an invalid page cannot be applied");
        dialog.click("Cancel");
        dialog.waitUntilClosed();
        assertEquals(MailPreferences.DEFAULT_CONNECTIONS_PER_HOST, mail.preferences().connectionsPerHost());
    }
}
