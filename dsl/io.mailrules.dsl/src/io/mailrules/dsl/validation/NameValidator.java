package io.mailrules.dsl.validation;

import static io.mailrules.dsl.mailrules.MailrulesPackage.Literals.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

import io.mailrules.dsl.analysis.Describe;
import io.mailrules.dsl.mailrules.Folder;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.Schedule;
import io.mailrules.dsl.mailrules.Target;
import io.mailrules.dsl.mailrules.TopLevel;

/**
 * Duplicate names, per namespace: mailboxes and groups (both follow 'for'), layouts, rules blocks and retention
 * policies (both follow 'run'), schedules, rules of one block, and sibling folders. One hash map per namespace.
 */
public class NameValidator extends MailrulesCheckBase {

    @Check
    public void checkTopLevelNames(Model model) {
        Map<String, Map<String, TopLevel>> namespaces = new HashMap<>();
        for (TopLevel element : model.getElements()) {
            if (element.getName() == null) {
                continue;
            }
            TopLevel first = namespaces.computeIfAbsent(namespace(element), k -> new HashMap<>())
                    .putIfAbsent(element.getName(), element);
            if (first != null) {
                error("Duplicate name '" + element.getName() + "': already used by " + Describe.element(first)
                        + " on line " + Describe.line(first), element, TOP_LEVEL__NAME,
                        MailrulesIssueCodes.DUPLICATE_NAME);
            }
        }
    }

    @Check
    public void checkRuleNames(RuleBlock block) {
        Map<String, Rule> seen = new HashMap<>();
        for (Rule rule : block.getRules()) {
            if (rule.getName() != null) {
                Rule first = seen.putIfAbsent(rule.getName(), rule);
                if (first != null) {
                    error("Duplicate rule name '" + rule.getName() + "' in rules '" + block.getName()
                            + "': already used on line " + Describe.line(first), rule, RULE__NAME,
                            MailrulesIssueCodes.DUPLICATE_NAME);
                }
            }
        }
    }

    @Check
    public void checkFolderNames(Layout layout) {
        checkSiblings(layout.getFolders());
    }

    @Check
    public void checkFolderNames(Folder folder) {
        checkSiblings(folder.getChildren());
    }

    private void checkSiblings(List<Folder> folders) {
        Map<String, Folder> seen = new HashMap<>();
        for (Folder folder : folders) {
            if (folder.getName() != null && seen.putIfAbsent(folder.getName(), folder) != null) {
                error("Folder \"" + folder.getName() + "\" appears twice at this level of " + Describe.element(folder),
                        folder, FOLDER__NAME, MailrulesIssueCodes.DUPLICATE_FOLDER);
            }
        }
    }

    private static String namespace(EObject element) {
        if (element instanceof Target) {
            return "target";
        } else if (element instanceof Job) {
            return "job";
        } else if (element instanceof Schedule) {
            return "schedule";
        }
        return "layout";
    }
}
