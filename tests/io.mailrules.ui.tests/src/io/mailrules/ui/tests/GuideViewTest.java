package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import io.mailrules.tests.support.Ui;
import io.mailrules.tests.support.Wait;
import io.mailrules.tests.support.WorkbenchWindowPage;
import io.mailrules.ui.help.GuideView;

/** Help > Mailrules Guide shows the workbench guide and the language reference, shipped in the product. */
class GuideViewTest {

    @Test
    void helpMenuOpensTheGuideWithBothDocuments() {
        WorkbenchWindowPage workbench = WorkbenchWindowPage.waitForWorkbench();
        workbench.chooseMenuItem("Help", "Mailrules Guide");
        GuideView guide = Wait.forValue("the Mailrules Guide view", () -> Ui.call(() -> PlatformUI.getWorkbench()
                .getActiveWorkbenchWindow().getActivePage().findView(GuideView.ID) instanceof GuideView view ? view
                        : null), Wait.DEFAULT_TIMEOUT);
        String workbenchGuide = Ui.call(() -> guide.text(GuideView.GUIDE_TAB));
        assertTrue(workbenchGuide.startsWith("The Mailrules workbench\n"), workbenchGuide);
        assertTrue(workbenchGuide.contains("Test Connection"), workbenchGuide);
        String language = Ui.call(() -> guide.text(GuideView.LANGUAGE_TAB));
        assertTrue(language.startsWith("The Mailrules language (.mailrules)\n"), language);
        assertTrue(language.contains("password from secret \"sdr-ana\""), "code blocks are kept");
        workbench.screenshot(Screenshots.file("guide-view.png"));
        Ui.run(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().hideView(guide));
    }
}
