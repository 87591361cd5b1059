package io.mailrules.dsl.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;

import io.mailrules.dsl.mailrules.MailrulesPackage;

/**
 * LSP has no mail vocabulary; these kinds give each declaration a distinct, fitting icon.
 */
public class MailrulesSymbolKindProvider extends DocumentSymbolKindProvider {

    @Override
    protected SymbolKind getSymbolKind(EClass type) {
        MailrulesPackage p = MailrulesPackage.eINSTANCE;
        if (type == p.getMailbox()) {
            return SymbolKind.Object;
        } else if (type == p.getGroup()) {
            return SymbolKind.Array;
        } else if (type == p.getLayout()) {
            return SymbolKind.Namespace;
        } else if (type == p.getFolder()) {
            return SymbolKind.Package;
        } else if (type == p.getRuleBlock() || type == p.getRetention()) {
            return SymbolKind.Module;
        } else if (type == p.getRule()) {
            return SymbolKind.Function;
        } else if (type == p.getRetentionPolicy()) {
            return SymbolKind.Field;
        } else if (type == p.getSchedule()) {
            return SymbolKind.Event;
        }
        return super.getSymbolKind(type);
    }
}
