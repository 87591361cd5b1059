package io.mailrules.dsl.validation;

import static io.mailrules.dsl.mailrules.MailrulesPackage.Literals.*;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import io.mailrules.dsl.analysis.AnalysisCache;
import io.mailrules.dsl.analysis.Contradiction;
import io.mailrules.dsl.analysis.Describe;
import io.mailrules.dsl.analysis.JobLimits;
import io.mailrules.core.check.ChangeLimits;
import io.mailrules.core.source.FolderPaths;
import io.mailrules.dsl.analysis.Rules;
import io.mailrules.dsl.mailrules.Action;
import io.mailrules.dsl.mailrules.Always;
import io.mailrules.dsl.mailrules.CopyAction;
import io.mailrules.dsl.mailrules.DeleteAction;
import io.mailrules.dsl.mailrules.ExpungeAction;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.MoveAction;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;

/**
 * Checks of routing rules. Whole-block facts (shadowing, contradictions) come from the cached
 * {@link io.mailrules.dsl.analysis.RuleBlockAnalysis}; per-rule work is constant.
 */
public class RuleValidator extends MailrulesCheckBase {

    @Inject
    private AnalysisCache analysis;

    @Inject
    private FolderChecks folders;

    @Check
    public void checkShadowed(Rule rule) {
        if (!(rule.eContainer() instanceof RuleBlock block)) {
            return;
        }
        Rule shadow = analysis.block(block).shadowedBy(rule);
        if (shadow != null) {
            String why = shadow.getCondition() instanceof Always ? "it catches every message"
                    : "it matches every message this rule matches";
            warning(capitalize(Describe.rule(rule)) + " can never fire: it is shadowed by "
                    + Describe.rule(shadow).replace(" in rules '" + block.getName() + "'", "") + " on line "
                    + Describe.line(shadow) + ", which ends evaluation first (" + why + ")", rule,
                    rule.getName() != null ? RULE__NAME : null, MailrulesIssueCodes.SHADOWED_RULE,
                    Integer.toString(block.getRules().indexOf(shadow)));
        }
    }

    @Check
    public void checkContradictions(Rule rule) {
        if (!(rule.eContainer() instanceof RuleBlock block)) {
            return;
        }
        for (Contradiction c : analysis.block(block).contradictions(rule)) {
            error("The condition of " + Describe.rule(rule) + " can never be true: '" + Describe.text(c.second().source())
                    + "' contradicts '" + Describe.text(c.first().source()) + "'", c.second().source(), null,
                    MailrulesIssueCodes.CONTRADICTION);
        }
    }

    @Check
    public void checkUnconditionalDelete(Rule rule) {
        if (!(rule.getCondition() instanceof Always)) {
            return;
        }
        for (Action action : rule.getActions()) {
            if (action instanceof DeleteAction || action instanceof ExpungeAction) {
                String verb = action instanceof DeleteAction ? "moves every message to Trash" : "permanently removes every message";
                String folder = rule.eContainer() instanceof RuleBlock block ? Rules.sourceFolder(block) : "its folder";
                String limit = rule.eContainer() instanceof RuleBlock block
                        ? JobLimits.of(block).remove().describe() : ChangeLimits.DEFAULT_REMOVE.describe();
                warning(capitalize(Describe.rule(rule)) + " " + verb + " in \"" + folder
                        + "\": it has no condition. A run refuses to remove more than " + limit
                        + " of a folder's messages unless the block's limits allow it", action, null,
                        MailrulesIssueCodes.UNCONDITIONAL_DELETE);
            }
        }
    }

    @Check
    public void checkMove(MoveAction move) {
        checkTarget(move, move.getFolder(), MOVE_ACTION__FOLDER);
    }

    @Check
    public void checkCopy(CopyAction copy) {
        checkTarget(copy, copy.getFolder(), COPY_ACTION__FOLDER);
    }

    @Check
    public void checkSource(RuleBlock block) {
        if (block.getSource() != null && block.getLayout() != null && !block.getLayout().eIsProxy()) {
            folders.check(block, block.getSource(), block.getLayout())
                    .ifPresent(p -> error(p.message(), block, RULE_BLOCK__SOURCE, p.code(), p.data()));
        }
    }

    private void checkTarget(EObject action, String folder, EStructuralFeature feature) {
        if (folder == null || !(action.eContainer() instanceof Rule rule)
                || !(rule.eContainer() instanceof RuleBlock block)) {
            return;
        }
        String source = Rules.sourceFolder(block);
        if (FolderPaths.same(folder, source)) {
            error(capitalize(Describe.rule(rule)) + " " + (action instanceof MoveAction ? "moves" : "copies")
                    + " messages to \"" + folder + "\", the folder it reads", action, feature,
                    MailrulesIssueCodes.MOVE_TO_SOURCE);
            return;
        }
        Layout layout = ((Job) block).getLayout();
        if (layout != null && !layout.eIsProxy()) {
            folders.check(action, folder, layout).ifPresent(p -> error(p.message(), action, feature, p.code(), p.data()));
        }
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
