package io.mailrules.ui.actions;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;

import io.mailrules.ui.editor.RulesEditor;

/**
 * Ctrl+/: comments out the selected lines with "//", or uncomments them when every non-blank one already is a
 * line comment.
 */
public final class ToggleCommentAction extends Action {

    public static final String ID = "io.mailrules.ui.toggleComment";
    private static final String PREFIX = "//";

    private final RulesEditor editor;

    public ToggleCommentAction(RulesEditor editor) {
        super("Toggle &Comment");
        this.editor = editor;
        setId(ID);
        setActionDefinitionId(ID);
    }

    @Override
    public void run() {
        IDocument document = editor.document();
        if (document == null || !editor.isEditable()
                || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
            return;
        }
        int first = selection.getStartLine();
        int last = selection.getEndLine();
        // a selection that ends at the start of a line does not include that line
        try {
            if (last > first && document.getLineOffset(last) == selection.getOffset() + selection.getLength()) {
                last--;
            }
            IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
            target.beginCompoundChange();
            try {
                if (allCommented(document, first, last)) {
                    uncomment(document, first, last);
                } else {
                    comment(document, first, last);
                }
            } finally {
                target.endCompoundChange();
            }
        } catch (BadLocationException e) {
            // the selection no longer fits the text: nothing to toggle
        }
    }

    private static boolean allCommented(IDocument document, int first, int last) throws BadLocationException {
        boolean any = false;
        for (int line = first; line <= last; line++) {
            String text = lineText(document, line).strip();
            if (!text.isEmpty()) {
                if (!text.startsWith(PREFIX)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static void comment(IDocument document, int first, int last) throws BadLocationException {
        int indent = Integer.MAX_VALUE;
        for (int line = first; line <= last; line++) {
            String text = lineText(document, line);
            if (!text.isBlank()) {
                indent = Math.min(indent, text.length() - text.stripLeading().length());
            }
        }
        if (indent == Integer.MAX_VALUE) {
            indent = 0;
        }
        // backwards, so that earlier offsets stay valid
        for (int line = last; line >= first; line--) {
            if (!lineText(document, line).isBlank() || first == last) {
                document.replace(document.getLineOffset(line) + indent, 0, PREFIX + " ");
            }
        }
    }

    private static void uncomment(IDocument document, int first, int last) throws BadLocationException {
        for (int line = last; line >= first; line--) {
            String text = lineText(document, line);
            int at = text.indexOf(PREFIX);
            if (at < 0 || !text.substring(0, at).isBlank()) {
                continue;
            }
            int length = text.startsWith(" ", at + PREFIX.length()) ? PREFIX.length() + 1 : PREFIX.length();
            document.replace(document.getLineOffset(line) + at, length, "");
        }
    }

    private static String lineText(IDocument document, int line) throws BadLocationException {
        IRegion region = document.getLineInformation(line);
        return document.get(region.getOffset(), region.getLength());
    }
}
