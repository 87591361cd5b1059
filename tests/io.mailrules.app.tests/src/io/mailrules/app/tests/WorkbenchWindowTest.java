package io.mailrules.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import io.mailrules.app.AboutMailrulesDialog;
import io.mailrules.app.MailRulesPerspective;
import io.mailrules.tests.support.ShellPage;
import io.mailrules.tests.support.WorkbenchWindowPage;

/** The workbench a user meets on start: the window, the Mail Rules perspective and Help > About. */
class WorkbenchWindowTest {

    private WorkbenchWindowPage workbench;

    @BeforeEach
    void waitForWorkbench() {
        workbench = WorkbenchWindowPage.waitForWorkbench();
    }

    @Test
    void windowTitleNamesProductAndVersion() {
        assertEquals("Mailrules " + releaseOf(MailRulesPerspective.class), workbench.title());
    }

    @Test
    void opensInTheMailRulesPerspectiveWithItsViews() {
        assertEquals(MailRulesPerspective.ID, workbench.activePerspectiveId());
        assertEquals("Mail Rules", workbench.activePerspectiveLabel());
        assertTrue(workbench.openViewIds().containsAll(java.util.List.of(MailRulesPerspective.PROJECT_EXPLORER,
                "org.eclipse.ui.views.ProblemView", "org.eclipse.ui.views.ContentOutline")),
                "views shown: " + workbench.openViewIds());
        workbench.screenshot(screenshots().resolve("workbench.png"));
        assertTrue(Files.isRegularFile(screenshots().resolve("workbench.png")));
    }

    @Test
    void helpAboutShowsTheVersionAndClosesWithEscape() {
        workbench.chooseMenu('h', 'a');
        ShellPage about = ShellPage.waitFor("About Mailrules");
        assertEquals(releaseOf(AboutMailrulesDialog.class), about.labelText(AboutMailrulesDialog.VERSION_LABEL_ID));
        assertTrue(about.labelTexts().contains("Eclipse workbench:"), "about shows: " + about.labelTexts());
        about.screenshot(screenshots().resolve("about.png"));

        about.pressEscape();
        about.waitUntilClosed();
    }

    private static String releaseOf(Class<?> type) {
        Version version = FrameworkUtil.getBundle(type).getVersion();
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("mailrules.screenshots", "target/screenshots"));
    }
}
