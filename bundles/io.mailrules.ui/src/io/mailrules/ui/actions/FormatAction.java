package io.mailrules.ui.actions;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.ide.server.formatting.FormattingService;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.editor.RulesEditor;
import io.mailrules.ui.edits.WorkspaceEdits;
import io.mailrules.ui.model.ParsedRules;
import io.mailrules.ui.model.RulesParser;

/**
 * Ctrl+Shift+F: formats the whole file with the language's formatter. The formatting runs in a job; its edits are
 * applied (as one undoable change) only if the user has not typed meanwhile.
 */
public final class FormatAction extends Action {

    public static final String ID = "io.mailrules.ui.format";
    private static final int INDENT = 4;

    private final RulesEditor editor;

    public FormatAction(RulesEditor editor) {
        super("&Format");
        this.editor = editor;
        setId(ID);
        setActionDefinitionId(ID);
    }

    @Override
    public void run() {
        IDocument document = editor.document();
        if (document == null || !editor.isEditable()) {
            return;
        }
        long stamp = ((IDocumentExtension4) document).getModificationStamp();
        String text = document.get();
        IFile file = editor.file();
        Display display = Display.getCurrent();
        Job.create("Formatting " + editor.getTitle(), monitor -> {
            ParsedRules parse = MailrulesUiPlugin.service(RulesParser.class).parse(file, text);
            if (parse.hasSyntaxErrors()) {
                display.asyncExec(() -> status("Not formatted: the file has syntax errors"));
                return Status.OK_STATUS;
            }
            List<? extends TextEdit> edits = MailrulesUiPlugin.service(FormattingService.class).format(
                    parse.document(), parse.resource(),
                    new DocumentFormattingParams(parse.id(), new FormattingOptions(INDENT, true)), monitor::isCanceled);
            display.asyncExec(() -> applyIfUnchanged(document, stamp, edits));
            return Status.OK_STATUS;
        }).schedule();
    }

    private void applyIfUnchanged(IDocument document, long stamp, List<? extends TextEdit> edits) {
        if (((IDocumentExtension4) document).getModificationStamp() != stamp || edits.isEmpty()) {
            return;
        }
        IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
        target.beginCompoundChange();
        try {
            WorkspaceEdits.apply(document, edits);
        } catch (CoreException e) {
            MailrulesUiPlugin.get().getLog().log(new Status(IStatus.WARNING, MailrulesUiPlugin.ID, "Formatting failed", e));
        } finally {
            target.endCompoundChange();
        }
    }

    private void status(String message) {
        var line = editor.getEditorSite().getActionBars().getStatusLineManager();
        line.setMessage(message);
    }
}
