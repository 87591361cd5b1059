package io.mailrules.ui.editor.coloring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import io.mailrules.ui.MailrulesUiPlugin;

/**
 * Draws the language's semantic styles over the lexical coloring. The styled ranges are document positions, so
 * they move with the text while the user types until the next reconcile replaces them.
 */
public final class SemanticHighlighter implements ITextPresentationListener {

    private static final String CATEGORY = "io.mailrules.ui.semanticHighlighting";

    private final ISourceViewer viewer;
    private final IPositionUpdater updater = new DefaultPositionUpdater(CATEGORY);
    private IDocument document;

    public SemanticHighlighter(ISourceViewer viewer) {
        this.viewer = viewer;
        ((ITextViewerExtension4) viewer).addTextPresentationListener(this);
    }

    /** Styled ranges of a parsed text; runs on the reconciler's thread. */
    public static List<StyledPosition> compute(XtextResource resource, CancelIndicator cancel) {
        ISemanticHighlightingCalculator calculator = MailrulesUiPlugin.service(ISemanticHighlightingCalculator.class);
        List<StyledPosition> positions = new ArrayList<>();
        calculator.provideHighlightingFor(resource, (offset, length, ids) -> {
            for (int i = ids.length - 1; i >= 0; i--) {
                TextAttribute look = RulesColors.semantic(ids[i]);
                if (look != null && length > 0) {
                    positions.add(new StyledPosition(offset, length, look));
                    return;
                }
            }
        }, cancel);
        positions.sort(Comparator.comparingInt(p -> p.offset));
        return positions;
    }

    /**
     * Shows ranges computed for the text at the given modification stamp; ranges of an older text are dropped, the
     * reconcile of the newer text brings its own.
     */
    public void show(List<StyledPosition> positions, long stamp) {
        IDocument current = viewer.getDocument();
        if (current == null || ((IDocumentExtension4) current).getModificationStamp() != stamp) {
            return;
        }
        attach(current);
        try {
            current.removePositionCategory(CATEGORY);
            current.addPositionCategory(CATEGORY);
            for (StyledPosition position : positions) {
                current.addPosition(CATEGORY, position);
            }
        } catch (BadLocationException | BadPositionCategoryException e) {
            return;
        }
        viewer.invalidateTextPresentation();
    }

    private void attach(IDocument current) {
        if (current == document) {
            return;
        }
        detach();
        document = current;
        document.addPositionCategory(CATEGORY);
        document.addPositionUpdater(updater);
    }

    public void dispose() {
        ((ITextViewerExtension4) viewer).removeTextPresentationListener(this);
        detach();
    }

    private void detach() {
        if (document != null) {
            document.removePositionUpdater(updater);
            try {
                document.removePositionCategory(CATEGORY);
            } catch (BadPositionCategoryException e) {
                // never added: nothing to remove
            }
            document = null;
        }
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        if (document == null) {
            return;
        }
        Position[] positions;
        try {
            positions = document.getPositions(CATEGORY);
        } catch (BadPositionCategoryException e) {
            return;
        }
        var extent = presentation.getExtent();
        int start = extent.getOffset();
        int end = start + extent.getLength();
        List<StyleRange> ranges = new ArrayList<>();
        int covered = start;
        for (Position position : positions) {
            if (position.isDeleted() || position.offset < covered || position.offset >= end || position.length == 0) {
                continue;
            }
            TextAttribute look = ((StyledPosition) position).look;
            StyleRange range = new StyleRange(position.offset, Math.min(position.length, end - position.offset),
                    look.getForeground(), look.getBackground(), look.getStyle());
            ranges.add(range);
            covered = position.offset + position.length;
        }
        if (!ranges.isEmpty()) {
            presentation.mergeStyleRanges(ranges.toArray(StyleRange[]::new));
        }
    }

    /** A range of text and how it looks. */
    public static final class StyledPosition extends Position {

        final TextAttribute look;

        StyledPosition(int offset, int length, TextAttribute look) {
            super(offset, length);
            this.look = look;
        }
    }
}
