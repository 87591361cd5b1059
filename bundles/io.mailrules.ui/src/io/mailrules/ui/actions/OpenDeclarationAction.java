package io.mailrules.ui.actions;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.editor.RulesEditor;
import io.mailrules.ui.edits.WorkspaceEdits;
import io.mailrules.ui.model.ParsedRules;

/** F3: from a reference (a mailbox, group, layout or job name) to its declaration, in this file or an imported one. */
public final class OpenDeclarationAction extends Action {

    public static final String ID = "io.mailrules.ui.openDeclaration";

    private final RulesEditor editor;

    public OpenDeclarationAction(RulesEditor editor) {
        super("Open &Declaration");
        this.editor = editor;
        setId(ID);
        setActionDefinitionId(ID);
    }

    @Override
    public void run() {
        if (!(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
            return;
        }
        ParsedRules parse = editor.parseOfCurrentText();
        EObject target = MailrulesUiPlugin.service(EObjectAtOffsetHelper.class)
                .resolveCrossReferencedElementAt(parse.resource(), selection.getOffset());
        if (target == null || target.eIsProxy() || target.eResource() == null) {
            editor.getEditorSite().getActionBars().getStatusLineManager().setMessage("No declaration here");
            return;
        }
        ITextRegion name = MailrulesUiPlugin.service(ILocationInFileProvider.class).getSignificantTextRegion(target);
        if (target.eResource() == parse.resource()) {
            editor.reveal(name.getOffset(), name.getLength());
            return;
        }
        IFile declaringFile = WorkspaceEdits.fileOf(target.eResource().getURI().toString());
        if (declaringFile == null) {
            editor.getEditorSite().getActionBars().getStatusLineManager()
                    .setMessage("The declaration is outside the workspace: " + target.eResource().getURI());
            return;
        }
        try {
            if (IDE.openEditor(editor.getSite().getPage(), declaringFile, RulesEditor.ID) instanceof RulesEditor other) {
                other.reveal(name.getOffset(), name.getLength());
            }
        } catch (PartInitException e) {
            MailrulesUiPlugin.log("Could not open " + declaringFile.getFullPath(), e);
        }
    }
}
