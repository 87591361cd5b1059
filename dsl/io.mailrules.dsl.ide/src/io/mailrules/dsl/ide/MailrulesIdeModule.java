package io.mailrules.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;

import io.mailrules.dsl.ide.codeactions.MailrulesCodeActionService;
import io.mailrules.dsl.ide.contentassist.MailrulesContentProposalProvider;
import io.mailrules.dsl.ide.highlighting.MailrulesSemanticHighlightingCalculator;
import io.mailrules.dsl.ide.hover.MailrulesHoverService;
import io.mailrules.dsl.ide.symbols.MailrulesSymbolDetailsProvider;
import io.mailrules.dsl.ide.symbols.MailrulesSymbolKindProvider;
import io.mailrules.dsl.ide.symbols.MailrulesSymbolNameProvider;

/**
 * Editor services of the language, shared by the language server and the workbench editor.
 */
public class MailrulesIdeModule extends AbstractMailrulesIdeModule {

    public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
        return MailrulesContentProposalProvider.class;
    }

    public Class<? extends IHoverService> bindIHoverService() {
        return MailrulesHoverService.class;
    }

    public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
        return MailrulesSemanticHighlightingCalculator.class;
    }

    public Class<? extends ICodeActionService2> bindICodeActionService2() {
        return MailrulesCodeActionService.class;
    }

    public Class<? extends DocumentSymbolNameProvider> bindDocumentSymbolNameProvider() {
        return MailrulesSymbolNameProvider.class;
    }

    public Class<? extends DocumentSymbolKindProvider> bindDocumentSymbolKindProvider() {
        return MailrulesSymbolKindProvider.class;
    }

    public Class<? extends DocumentSymbolDetailsProvider> bindDocumentSymbolDetailsProvider() {
        return MailrulesSymbolDetailsProvider.class;
    }
}
