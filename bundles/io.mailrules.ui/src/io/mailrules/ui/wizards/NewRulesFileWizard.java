package io.mailrules.ui.wizards;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.editor.RulesEditor;

/**
 * File > New > Mailrules Rules File: a new .mailrules file in a workspace project, started from the sales-team
 * template (a mailbox, a layout, routing, retention and schedules that validate clean), opened in the rules editor.
 */
public final class NewRulesFileWizard extends Wizard implements INewWizard {

    public static final String ID = "io.mailrules.ui.newRulesFile";
    public static final String TITLE = "New Mailrules Rules File";
    static final String TEMPLATE = "templates/sales-team.mailrules";

    private IWorkbench workbench;
    private IStructuredSelection selection;
    private WizardNewFileCreationPage page;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
        this.selection = selection;
        setWindowTitle(TITLE);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        page = new TemplateFilePage(selection);
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        IFile file = page.createNewFile();
        if (file == null) {
            return false;
        }
        IWorkbenchPage active = workbench.getActiveWorkbenchWindow().getActivePage();
        try {
            IDE.openEditor(active, file, RulesEditor.ID);
        } catch (PartInitException e) {
            MailrulesUiPlugin.log("Could not open " + file.getFullPath(), e);
        }
        return true;
    }

    /** The standard new-file page, prefilled for rules files and filled with the template. */
    private static final class TemplateFilePage extends WizardNewFileCreationPage {

        TemplateFilePage(IStructuredSelection selection) {
            super("rulesFile", selection);
            setTitle("Mailrules rules file");
            setDescription("Create a rules file from the sales-team template.");
            setFileExtension("mailrules");
            setFileName("sales.mailrules");
        }

        @Override
        protected InputStream getInitialContents() {
            try {
                return MailrulesUiPlugin.get().getBundle().getEntry(TEMPLATE).openStream();
            } catch (IOException e) {
                MailrulesUiPlugin.log("The template " + TEMPLATE + " is missing", e);
                return null;
            }
        }
    }
}
