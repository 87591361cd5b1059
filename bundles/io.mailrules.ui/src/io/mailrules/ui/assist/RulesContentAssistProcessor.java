package io.mailrules.ui.assist;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.util.CancelIndicator;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.model.ParsedRules;

/**
 * Content assist from the language's ide content assist service: keywords, declared names, the layout's folders
 * inside folder strings, common header names.
 */
public final class RulesContentAssistProcessor implements IContentAssistProcessor {

    private final Supplier<ParsedRules> currentParse;
    private String errorMessage;

    public RulesContentAssistProcessor(Supplier<ParsedRules> currentParse) {
        this.currentParse = currentParse;
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        ParsedRules parse = currentParse.get();
        if (offset > parse.text().length()) {
            return new ICompletionProposal[0];
        }
        CompletionParams params = new CompletionParams(parse.id(), parse.position(offset));
        List<CompletionItem> items = MailrulesUiPlugin.service(ContentAssistService.class)
                .createCompletionList(parse.document(), parse.resource(), params, CancelIndicator.NullImpl)
                .getItems();
        errorMessage = items.isEmpty() ? "No proposals here" : null;
        return items.stream().map(item -> proposal(parse, offset, item)).toArray(ICompletionProposal[]::new);
    }

    private static ICompletionProposal proposal(ParsedRules parse, int offset, CompletionItem item) {
        int start = offset;
        int end = offset;
        String text = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
        if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
            TextEdit edit = item.getTextEdit().getLeft();
            start = parse.offset(edit.getRange().getStart());
            end = parse.offset(edit.getRange().getEnd());
            text = edit.getNewText();
        }
        String display = item.getDetail() == null || item.getDetail().isBlank() ? item.getLabel()
                : item.getLabel() + " - " + item.getDetail();
        String documentation = item.getDocumentation() == null ? null
                : item.getDocumentation().isLeft() ? item.getDocumentation().getLeft()
                        : item.getDocumentation().getRight().getValue();
        return new CompletionProposal(text, start, end - start, text.length(), null, display, null, documentation);
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return null;
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return errorMessage;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
