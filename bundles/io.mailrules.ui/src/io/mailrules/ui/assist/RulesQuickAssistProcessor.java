package io.mailrules.ui.assist;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.edits.WorkspaceEdits;
import io.mailrules.ui.editor.RulesEditor;
import io.mailrules.ui.markers.Revalidation;
import io.mailrules.ui.markers.RulesMarkers;
import io.mailrules.ui.model.ParsedRules;

/**
 * Ctrl+1 in the rules editor: the code action service's fixes for the problems at the caret, or on its line when
 * none is under the caret.
 */
public final class RulesQuickAssistProcessor implements IQuickAssistProcessor {

    private final RulesEditor editor;

    public RulesQuickAssistProcessor(RulesEditor editor) {
        this.editor = editor;
    }

    @Override
    public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
        List<IMarker> problems = problemsNear(context.getOffset());
        if (problems.isEmpty()) {
            return null;
        }
        ParsedRules parse = editor.parseOfCurrentText();
        List<ICompletionProposal> proposals = new ArrayList<>();
        for (IMarker marker : problems) {
            int start = marker.getAttribute(IMarker.CHAR_START, -1);
            int end = marker.getAttribute(IMarker.CHAR_END, start);
            var problem = QuickFixes.problem(parse, start, end - start, marker.getAttribute(RulesMarkers.ISSUE_CODE, null),
                    marker.getAttribute(IMarker.MESSAGE, ""));
            for (CodeAction fix : QuickFixes.fixes(parse, problem)) {
                proposals.add(new FixProposal(fix));
            }
        }
        return proposals.toArray(ICompletionProposal[]::new);
    }

    private List<IMarker> problemsNear(int offset) {
        try {
            List<IMarker> all = RulesMarkers.of(editor.file()).stream()
                    .filter(m -> m.getAttribute(RulesMarkers.ISSUE_CODE, null) != null).toList();
            List<IMarker> atCaret = all.stream().filter(m -> m.getAttribute(IMarker.CHAR_START, -1) <= offset
                    && offset <= m.getAttribute(IMarker.CHAR_END, -1)).toList();
            if (!atCaret.isEmpty()) {
                return atCaret;
            }
            int line = editor.document().getLineOfOffset(offset) + 1;
            return all.stream().filter(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) == line).toList();
        } catch (CoreException | org.eclipse.jface.text.BadLocationException e) {
            return List.of();
        }
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public boolean canFix(Annotation annotation) {
        return annotation instanceof MarkerAnnotation marker
                && marker.getMarker().getAttribute(RulesMarkers.ISSUE_CODE, null) != null;
    }

    @Override
    public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
        return false;
    }

    /** One fix in the Ctrl+1 list. */
    private final class FixProposal implements ICompletionProposal {

        private final CodeAction fix;

        FixProposal(CodeAction fix) {
            this.fix = fix;
        }

        @Override
        public void apply(IDocument document) {
            try {
                for (var file : WorkspaceEdits.apply(fix.getEdit())) {
                    Revalidation.of(file);
                }
                // the fix may have changed an imported file, which this file's problems depend on
                editor.revalidate();
            } catch (CoreException e) {
                MailrulesUiPlugin.log("Quick fix '" + fix.getTitle() + "' failed", e);
            }
        }

        @Override
        public Point getSelection(IDocument document) {
            return null;
        }

        @Override
        public String getAdditionalProposalInfo() {
            return null;
        }

        @Override
        public String getDisplayString() {
            return fix.getTitle();
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public org.eclipse.jface.text.contentassist.IContextInformation getContextInformation() {
            return null;
        }
    }
}
