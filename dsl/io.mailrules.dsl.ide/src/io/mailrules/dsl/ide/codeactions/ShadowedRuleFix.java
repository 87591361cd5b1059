package io.mailrules.dsl.ide.codeactions;

import java.util.List;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.inject.Inject;

import io.mailrules.dsl.analysis.AnalysisCache;
import io.mailrules.dsl.analysis.Describe;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;

/**
 * A shadowed rule can either go above the rule that shadows it (so that it fires first) or go away.
 */
class ShadowedRuleFix {

    @Inject
    private AnalysisCache analysis;

    List<CodeAction> apply(FixContext fix) {
        Rule rule = EcoreUtil2.getContainerOfType(fix.element(), Rule.class);
        if (rule == null || !(rule.eContainer() instanceof RuleBlock block)) {
            return List.of();
        }
        Rule shadow = analysis.block(block).shadowedBy(rule);
        if (shadow == null) {
            return List.of();
        }
        TextLines lines = new TextLines(rule.eResource());
        int[] span = span(lines, rule);
        int[] target = span(lines, shadow);
        String moved = lines.text().substring(span[0], span[1]);
        if (!moved.endsWith("\n")) {
            moved = moved + " ";
        }
        String uri = fix.uri();
        String name = Describe.rule(rule).replace(" in rules '" + block.getName() + "'", "");
        String above = Describe.rule(shadow).replace(" in rules '" + block.getName() + "'", "");
        return List.of(
                FixContext.action("Move " + name + " above " + above, uri,
                        List.of(lines.insert(target[0], moved), lines.replace(span[0], span[1], ""))),
                FixContext.action("Remove " + name, uri, List.of(lines.replace(span[0], span[1], ""))));
    }

    /** The rule's whole lines when it has them to itself, else just its text. */
    private static int[] span(TextLines lines, Rule rule) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(rule);
        int start = node.getOffset();
        int end = node.getEndOffset();
        if (lines.onlyWhitespaceBefore(start) && lines.onlyWhitespaceAfter(end)) {
            return new int[] { lines.lineStart(start), lines.nextLineStart(end) };
        }
        return new int[] { start, end };
    }
}
