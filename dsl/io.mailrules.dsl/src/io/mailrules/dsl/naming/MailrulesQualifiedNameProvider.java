package io.mailrules.dsl.naming;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.TopLevel;

/**
 * Only top-level declarations are linkable, by their simple name. Rules get "block.rule" so that outline and
 * index entries stay unique. Folders are deliberately unnamed here: folder paths are strings resolved through a
 * layout index, and names like "Archive/2024" would make poor qualified names.
 */
public class MailrulesQualifiedNameProvider extends IQualifiedNameProvider.AbstractImpl {

    @Override
    public QualifiedName getFullyQualifiedName(EObject obj) {
        if (obj instanceof TopLevel top && top.getName() != null) {
            return QualifiedName.create(top.getName());
        }
        if (obj instanceof Rule rule && rule.getName() != null && rule.eContainer() instanceof RuleBlock block
                && block.getName() != null) {
            return QualifiedName.create(block.getName(), rule.getName());
        }
        return null;
    }
}
