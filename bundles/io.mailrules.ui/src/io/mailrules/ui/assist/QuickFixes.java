package io.mailrules.ui.assist;

import java.util.List;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.util.CancelIndicator;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.model.ParsedRules;

/** Asks the language's code action service for the fixes of one problem, wherever it is shown. */
public final class QuickFixes {

    private QuickFixes() {
    }

    /** A problem as the code action service reads it: its issue code and where it is. */
    public static Diagnostic problem(ParsedRules parse, int offset, int length, String issueCode, String message) {
        Diagnostic diagnostic = new Diagnostic(parse.range(offset, length), message == null ? "" : message);
        diagnostic.setCode(issueCode);
        diagnostic.setSeverity(DiagnosticSeverity.Error);
        return diagnostic;
    }

    public static List<CodeAction> fixes(ParsedRules parse, Diagnostic problem) {
        ICodeActionService2.Options options = new ICodeActionService2.Options();
        options.setDocument(parse.document());
        options.setResource(parse.resource());
        options.setURI(parse.uri());
        options.setCancelIndicator(CancelIndicator.NullImpl);
        options.setCodeActionParams(
                new CodeActionParams(parse.id(), problem.getRange(), new CodeActionContext(List.of(problem))));
        return MailrulesUiPlugin.service(ICodeActionService2.class).getCodeActions(options).stream()
                .filter(Either::isRight)
                .map(Either::getRight)
                .filter(action -> action.getEdit() != null)
                .toList();
    }
}
