package io.mailrules.ui.model;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;

/**
 * One parse of a rules file's text: the resource (linked against the files it imports) and the text it was parsed
 * from, with LSP positions for the ide services. Nobody edits the resource, so a parse can be shared between threads
 * for reading as long as its text is the editor's current text.
 */
public record ParsedRules(XtextResource resource, Document document) {

    public String text() {
        return document.getContents();
    }

    public String uri() {
        return resource.getURI().toString();
    }

    public TextDocumentIdentifier id() {
        return new TextDocumentIdentifier(uri());
    }

    public Position position(int offset) {
        return document.getPosition(Math.max(0, Math.min(offset, text().length())));
    }

    public int offset(Position position) {
        return document.getOffSet(position);
    }

    public Range range(int offset, int length) {
        return new Range(position(offset), position(offset + length));
    }

    public boolean hasSyntaxErrors() {
        return resource.getParseResult() != null && resource.getParseResult().hasSyntaxErrors();
    }
}
