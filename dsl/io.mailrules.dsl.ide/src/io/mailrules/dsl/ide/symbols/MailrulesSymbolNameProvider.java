package io.mailrules.dsl.ide.symbols;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;

import io.mailrules.dsl.mailrules.Folder;
import io.mailrules.dsl.mailrules.RetentionPolicy;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.TopLevel;

/**
 * Outline names: declarations by name, unnamed rules by position, retention entries by folder. Everything else
 * (settings, conditions, actions) stays out of the outline.
 */
public class MailrulesSymbolNameProvider extends DocumentSymbolNameProvider {

    @Override
    public String getName(EObject object) {
        if (object instanceof TopLevel top) {
            return top.getName();
        } else if (object instanceof Rule rule) {
            return rule.getName() != null ? rule.getName()
                    : "rule #" + (((RuleBlock) rule.eContainer()).getRules().indexOf(rule) + 1);
        } else if (object instanceof Folder folder) {
            return folder.getName();
        } else if (object instanceof RetentionPolicy policy) {
            return policy.getFolder() == null ? null : "in \"" + policy.getFolder() + "\"";
        }
        return null;
    }
}
