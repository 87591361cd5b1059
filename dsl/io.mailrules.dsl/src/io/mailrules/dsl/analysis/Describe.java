package io.mailrules.dsl.analysis;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import io.mailrules.dsl.mailrules.Group;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Retention;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.Schedule;

/**
 * Names model elements the way a user reads them in a message: "rule 'vip' in rules 'routing'".
 */
public final class Describe {

    private Describe() {
    }

    public static String element(EObject object) {
        EObject named = object;
        while (named != null) {
            String description = describeNamed(named);
            if (description != null) {
                return description;
            }
            named = named.eContainer();
        }
        return "this file";
    }

    public static String rule(Rule rule) {
        RuleBlock block = (RuleBlock) rule.eContainer();
        String own = rule.getName() != null ? "rule '" + rule.getName() + "'"
                : "rule #" + (block.getRules().indexOf(rule) + 1);
        return own + " in rules '" + block.getName() + "'";
    }

    /** The source text of an element with whitespace collapsed, for quoting conditions in messages. */
    public static String text(EObject object) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
        return node == null ? "" : NodeModelUtils.getTokenText(node);
    }

    public static int line(EObject object) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
        return node == null ? 0 : node.getStartLine();
    }

    private static String describeNamed(EObject object) {
        if (object instanceof Rule rule) {
            return rule(rule);
        } else if (object instanceof RuleBlock block) {
            return "rules '" + block.getName() + "'";
        } else if (object instanceof Retention retention) {
            return "retention '" + retention.getName() + "'";
        } else if (object instanceof Mailbox mailbox) {
            return "mailbox '" + mailbox.getName() + "'";
        } else if (object instanceof Group group) {
            return "group '" + group.getName() + "'";
        } else if (object instanceof Layout layout) {
            return "layout '" + layout.getName() + "'";
        } else if (object instanceof Schedule schedule) {
            return "schedule '" + schedule.getName() + "'";
        }
        return null;
    }
}
