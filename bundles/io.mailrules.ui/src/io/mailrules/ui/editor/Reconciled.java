package io.mailrules.ui.editor;

import java.util.List;

import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.xtext.validation.Issue;

import io.mailrules.ui.editor.coloring.SemanticHighlighter.StyledPosition;
import io.mailrules.ui.model.ParsedRules;

/**
 * What one reconcile learned about the text at a document modification stamp: the parse, its problems, its
 * semantic styles and its outline.
 */
record Reconciled(long stamp, ParsedRules parse, List<Issue> issues, List<StyledPosition> styles,
        List<DocumentSymbol> symbols) {
}
