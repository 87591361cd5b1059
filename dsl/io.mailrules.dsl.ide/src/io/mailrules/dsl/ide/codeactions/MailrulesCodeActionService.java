package io.mailrules.dsl.ide.codeactions;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

import io.mailrules.dsl.validation.MailrulesIssueCodes;

/**
 * Quick fixes for the diagnostics that have an obvious repair. Each fix is computed from the current model, not
 * from the diagnostic's text, so it stays right while the user edits.
 */
public class MailrulesCodeActionService implements ICodeActionService2 {

    @Inject
    private EObjectAtOffsetHelper offsets;

    @Inject
    private UriExtensions uris;

    @Inject
    private AddFolderFix addFolder;

    @Inject
    private ShadowedRuleFix shadowedRule;

    @Inject
    private InlinePasswordFix inlinePassword;

    @Override
    public List<Either<Command, CodeAction>> getCodeActions(Options options) {
        // An in-process editor passes the resource; the language server passes only its URI and read access.
        if (options.getResource() != null) {
            return getCodeActions(options, (XtextResource) options.getResource());
        }
        return options.getLanguageServerAccess().doSyncRead(options.getURI(),
                context -> getCodeActions(options, (XtextResource) context.getResource()));
    }

    private List<Either<Command, CodeAction>> getCodeActions(Options options, XtextResource resource) {
        List<Either<Command, CodeAction>> result = new ArrayList<>();
        TextLines lines = new TextLines(resource);
        String uri = uris.toUriString(resource.getURI());
        for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
            String code = diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
            if (code == null) {
                continue;
            }
            int offset = lines.offset(diagnostic.getRange().getStart());
            EObject element = offsets.resolveContainedElementAt(resource, offset);
            if (element == null) {
                continue;
            }
            FixContext fix = new FixContext(uri, element, diagnostic);
            List<CodeAction> actions = switch (code) {
                case MailrulesIssueCodes.MISSING_FOLDER -> addFolder.apply(fix);
                case MailrulesIssueCodes.SHADOWED_RULE -> shadowedRule.apply(fix);
                case MailrulesIssueCodes.INLINE_PASSWORD -> inlinePassword.apply(fix);
                default -> List.of();
            };
            for (CodeAction action : actions) {
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(diagnostic));
                result.add(Either.forRight(action));
            }
        }
        return result;
    }
}
