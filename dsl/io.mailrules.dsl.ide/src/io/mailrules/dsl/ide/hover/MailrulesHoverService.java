package io.mailrules.dsl.ide.hover;

import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import io.mailrules.dsl.analysis.Describe;
import io.mailrules.dsl.analysis.Rules;
import io.mailrules.dsl.mailrules.Folder;
import io.mailrules.dsl.mailrules.Group;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.MailboxSetting;
import io.mailrules.dsl.mailrules.Retention;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.Schedule;

/**
 * Hover documentation: the language's words explain themselves; names of mailboxes, groups, layouts and policies
 * (where declared or referenced) show a summary of the declaration.
 */
public class MailrulesHoverService extends HoverService {

    @Override
    public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancel) {
        int offset = document.getOffSet(params.getPosition());
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        if (leaf != null && !leaf.isHidden() && isKeyword(leaf)) {
            EObject owner = NodeModelUtils.findActualSemanticObjectFor(leaf);
            String doc = KeywordDocumentation.lookup(owner == null ? "" : owner.eClass().getName(), leaf.getText());
            if (doc != null) {
                Range range = new Range(document.getPosition(leaf.getOffset()),
                        document.getPosition(leaf.getEndOffset()));
                return new Hover(new MarkupContent(MarkupKind.MARKDOWN, doc), range);
            }
        }
        return super.hover(document, resource, params, cancel);
    }

    /** A keyword used as a name ("layout archive") is a name, not the keyword. */
    private static boolean isKeyword(ILeafNode leaf) {
        EObject grammar = leaf.getGrammarElement();
        if (grammar instanceof EnumLiteralDeclaration || grammar instanceof RuleCall call && call.getRule() instanceof EnumRule) {
            return true;
        }
        if (!(grammar instanceof Keyword)) {
            return false;
        }
        EObject parent = leaf.getParent() == null ? null : leaf.getParent().getGrammarElement();
        return !(parent instanceof RuleCall call && "Name".equals(call.getRule().getName()));
    }

    @Override
    public String getContents(EObject element) {
        if (element instanceof Mailbox mailbox) {
            return "**mailbox " + mailbox.getName() + "**  \n" + mailbox.getSettings().stream()
                    .filter(s -> !(s instanceof io.mailrules.dsl.mailrules.Credential)).map(MailboxSetting.class::cast)
                    .map(Describe::text).collect(Collectors.joining("  \n"));
        } else if (element instanceof Group group) {
            return "**group " + group.getName() + "**  \n" + group.getMembers().stream()
                    .map(m -> m.eIsProxy() ? "?" : m.getName()).collect(Collectors.joining(", "));
        } else if (element instanceof Layout layout) {
            return "**layout " + layout.getName() + "**  \n" + layout.getFolders().stream().map(Folder::getName)
                    .collect(Collectors.joining(", "));
        } else if (element instanceof Job job) {
            String kind = job instanceof Retention ? "retention " : "rules ";
            String size = job instanceof RuleBlock block
                    ? block.getRules().size() + " rules reading " + Rules.sourceFolder(block)
                    : ((Retention) job).getPolicies().size() + " entries";
            return "**" + kind + job.getName() + "**  \n" + size;
        } else if (element instanceof Schedule schedule) {
            return "**schedule " + schedule.getName() + "**  \n" + Describe.text(schedule.getTiming());
        }
        return super.getContents(element);
    }
}
