package io.mailrules.ui.preview;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * "Preview Run" on a rules file: from the file's context menu, or the editor's (which saves the file first, since a
 * plan records the file it was made from).
 */
public final class PreviewRunHandler extends AbstractHandler {

    public static final String COMMAND = "io.mailrules.ui.preview.run";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        IFile file = part instanceof IEditorPart editor ? Adapters.adapt(editor.getEditorInput(), IFile.class)
                : selectedFile(HandlerUtil.getCurrentSelection(event));
        if (file == null && page.getActiveEditor() != null) {
            // the Preview view's own toolbar button previews the file being edited
            file = Adapters.adapt(page.getActiveEditor().getEditorInput(), IFile.class);
        }
        if (file == null) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Preview Run",
                    "Select a .mailrules file, or open one in the editor, to preview it.");
            return null;
        }
        IEditorPart open = page.findEditor(new org.eclipse.ui.part.FileEditorInput(file));
        if (open != null && open.isDirty() && !page.saveEditor(open, false)) {
            return null;
        }
        try {
            ((PreviewView) page.showView(PreviewView.ID)).preview(file);
        } catch (org.eclipse.ui.PartInitException e) {
            throw new ExecutionException("cannot open the Preview view", e);
        }
        return null;
    }

    private static IFile selectedFile(ISelection selection) {
        if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
            return Adapters.adapt(structured.getFirstElement(), IFile.class);
        }
        return null;
    }
}
