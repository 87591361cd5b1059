package io.mailrules.ui.assist;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.util.CancelIndicator;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.model.ParsedRules;

/**
 * Hover text: the problems at the mouse, then the language's documentation of the word or name under it. The
 * viewer computes hovers off the UI thread.
 */
public final class RulesTextHover implements ITextHover {

    private final Supplier<ParsedRules> currentParse;
    private final ISourceViewer viewer;

    public RulesTextHover(Supplier<ParsedRules> currentParse, ISourceViewer viewer) {
        this.currentParse = currentParse;
        this.viewer = viewer;
    }

    @Override
    public IRegion getHoverRegion(ITextViewer textViewer, int offset) {
        return new Region(offset, 0);
    }

    @Override
    public String getHoverInfo(ITextViewer textViewer, IRegion region) {
        List<String> parts = new ArrayList<>(problemsAt(region.getOffset()));
        ParsedRules parse = currentParse.get();
        if (region.getOffset() <= parse.text().length()) {
            Hover hover = MailrulesUiPlugin.service(IHoverService.class).hover(parse.document(), parse.resource(),
                    new HoverParams(parse.id(), parse.position(region.getOffset())), CancelIndicator.NullImpl);
            if (hover != null && hover.getContents() != null && hover.getContents().isRight()) {
                parts.add(plain(hover.getContents().getRight().getValue()));
            }
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    private List<String> problemsAt(int offset) {
        IAnnotationModel model = viewer.getAnnotationModel();
        List<String> messages = new ArrayList<>();
        if (model == null) {
            return messages;
        }
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            Position position = model.getPosition(annotation);
            if (position != null && position.includes(offset) && annotation.getText() != null
                    && annotation.getType().startsWith("org.eclipse.ui.workbench.texteditor.")) {
                messages.add(annotation.getText());
            }
        }
        return messages;
    }

    /** The hover service writes markdown; a plain hover shows it without the markup characters. */
    private static String plain(String markdown) {
        return markdown.replace("**", "").replace("`", "").replace("  \n", "\n");
    }
}
