package io.mailrules.dsl.ide.codeactions;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * What a quick fix works from: the document's URI, the model element at the diagnostic, and the diagnostic.
 */
record FixContext(String uri, EObject element, Diagnostic diagnostic) {

    static CodeAction action(String title, String uri, List<TextEdit> edits) {
        CodeAction action = new CodeAction(title);
        action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
        return action;
    }
}
