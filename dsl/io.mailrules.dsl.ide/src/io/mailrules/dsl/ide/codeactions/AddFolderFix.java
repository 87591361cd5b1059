package io.mailrules.dsl.ide.codeactions;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.inject.Inject;

import io.mailrules.dsl.analysis.AnalysisCache;
import io.mailrules.dsl.analysis.LayoutIndex;
import io.mailrules.dsl.mailrules.CopyAction;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.MoveAction;
import io.mailrules.dsl.mailrules.RetentionPolicy;
import io.mailrules.dsl.mailrules.RuleBlock;

/**
 * Adds a missing folder path to the layout, nesting it under the deepest folder that exists. The layout may be
 * declared in an imported file; the edit then goes to that file.
 */
class AddFolderFix {

    private static final String INDENT = "    ";

    @Inject
    private AnalysisCache analysis;

    @Inject
    private UriExtensions uris;

    List<CodeAction> apply(FixContext fix) {
        EObject element = fix.element();
        String path = pathOf(element);
        Job job = EcoreUtil2.getContainerOfType(element, Job.class);
        Layout layout = job == null ? null : job.getLayout();
        if (path == null || layout == null || layout.eIsProxy()) {
            return List.of();
        }
        LayoutIndex index = analysis.layout(layout);
        LayoutIndex.Resolution resolution = index.resolve(path);
        if (resolution.found() || resolution.problem() != null) {
            return List.of();
        }
        EObject parent = resolution.existingParent().isEmpty() ? layout : index.folder(resolution.existingParent());
        TextLines lines = new TextLines(layout.eResource());
        TextEdit edit = insertion(lines, parent, resolution.missingSegments());
        String uri = uris.toUriString(layout.eResource().getURI());
        return List.of(FixContext.action("Add folder \"" + path + "\" to layout '" + layout.getName() + "'", uri,
                List.of(edit)));
    }

    private static String pathOf(EObject element) {
        if (element instanceof MoveAction move) {
            return move.getFolder();
        } else if (element instanceof CopyAction copy) {
            return copy.getFolder();
        } else if (element instanceof RetentionPolicy policy) {
            return policy.getFolder();
        } else if (element instanceof RuleBlock block) {
            return block.getSource();
        }
        return null;
    }

    private static TextEdit insertion(TextLines lines, EObject parent, List<String> missing) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(parent);
        ILeafNode last = lastToken(node);
        boolean hasBraces = parent instanceof Layout || "}".equals(last.getText());
        if (hasBraces) {
            int brace = last.getOffset();
            if (lines.onlyWhitespaceBefore(brace)) {
                String indent = lines.indentOf(brace) + INDENT;
                return lines.insert(lines.lineStart(brace), nested(missing, indent) + "\n");
            }
            return lines.insert(brace, inline(missing) + " ");
        }
        int end = last.getEndOffset();
        if (lines.onlyWhitespaceAfter(end)) {
            String indent = lines.indentOf(node.getOffset());
            return lines.insert(end, " {\n" + nested(missing, indent + INDENT) + "\n" + indent + "}");
        }
        return lines.insert(end, " { " + inline(missing) + " }");
    }

    private static ILeafNode lastToken(ICompositeNode node) {
        ILeafNode last = null;
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (!leaf.isHidden()) {
                last = leaf;
            }
        }
        return last;
    }

    private static String nested(List<String> segments, String indent) {
        String line = indent + "folder \"" + segments.get(0) + "\"";
        if (segments.size() == 1) {
            return line;
        }
        return line + " {\n" + nested(segments.subList(1, segments.size()), indent + INDENT) + "\n" + indent + "}";
    }

    private static String inline(List<String> segments) {
        String folder = "folder \"" + segments.get(0) + "\"";
        return segments.size() == 1 ? folder : folder + " { " + inline(segments.subList(1, segments.size())) + " }";
    }
}
