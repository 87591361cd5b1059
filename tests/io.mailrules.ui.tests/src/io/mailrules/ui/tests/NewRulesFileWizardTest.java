package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mailrules.tests.support.Keyboard;
import io.mailrules.tests.support.RulesEditorPage;
import io.mailrules.tests.support.ShellPage;
import io.mailrules.tests.support.WorkbenchWindowPage;
import io.mailrules.ui.wizards.NewRulesFileWizard;

/** File > New > Mailrules Rules File creates a file from the sales-team template that validates clean. */
class NewRulesFileWizardTest {

    private WorkbenchWindowPage workbench;
    private RulesProject project;

    @BeforeEach
    void createProject() throws CoreException {
        workbench = WorkbenchWindowPage.waitForWorkbench();
        project = RulesProject.create("new-rules");
    }

    @AfterEach
    void deleteProject() throws CoreException {
        io.mailrules.tests.support.Ui.run(() -> org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow()
                .getActivePage().closeAllEditors(false));
        project.delete();
    }

    @Test
    void createsTheSalesTemplateAndOpensItValidatedClean() {
        workbench.selectInProjectExplorer(project.project());
        workbench.chooseMenuItem("File", "New", "Mailrules Rules File");
        ShellPage wizard = ShellPage.waitFor(NewRulesFileWizard.TITLE);
        wizard.screenshot(Screenshots.file("new-rules-file-wizard.png"));
        wizard.activate();
        Keyboard.enter();
        wizard.waitUntilClosed();

        RulesEditorPage editor = RulesEditorPage.active();
        editor.waitForValidation();
        assertEquals("/new-rules/sales.mailrules", editor.file().getFullPath().toString());
        assertTrue(editor.text().contains("retention cleanup"), editor.text());
        assertEquals(List.of(), editor.problems(), "the template has no problems, not even hints");
        editor.screenshot(Screenshots.file("editor-sales-template.png"));
    }
}
