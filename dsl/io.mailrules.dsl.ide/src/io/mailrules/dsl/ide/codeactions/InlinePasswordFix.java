package io.mailrules.dsl.ide.codeactions;

import java.util.List;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.EcoreUtil2;

import io.mailrules.dsl.mailrules.Mailbox;

/**
 * {@code password "literal"} becomes {@code password from secret "<mailbox>"}; the user then stores the password
 * under that name in the workbench's secure storage.
 */
class InlinePasswordFix {

    List<CodeAction> apply(FixContext fix) {
        Mailbox mailbox = EcoreUtil2.getContainerOfType(fix.element(), Mailbox.class);
        if (mailbox == null) {
            return List.of();
        }
        String replacement = "from secret \"" + mailbox.getName() + "\"";
        TextEdit edit = new TextEdit(fix.diagnostic().getRange(), replacement);
        return List.of(FixContext.action("Use password " + replacement, fix.uri(), List.of(edit)));
    }
}
