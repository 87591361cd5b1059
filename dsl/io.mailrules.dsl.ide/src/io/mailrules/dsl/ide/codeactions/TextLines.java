package io.mailrules.dsl.ide.codeactions;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Line-oriented text arithmetic on the parsed text of a resource, so that inserted and moved text keeps the
 * indentation of its surroundings.
 */
final class TextLines {

    private final Document document;
    private final String text;

    TextLines(Resource resource) {
        this.text = ((XtextResource) resource).getParseResult().getRootNode().getText();
        this.document = new Document(1, text);
    }

    int offset(Position position) {
        return document.getOffSet(position);
    }

    String text() {
        return text;
    }

    int lineStart(int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    /** Offset just after the line break that ends the line containing {@code offset} (or the text's end). */
    int nextLineStart(int offset) {
        int i = text.indexOf('\n', offset);
        return i < 0 ? text.length() : i + 1;
    }

    boolean onlyWhitespaceBefore(int offset) {
        return text.substring(lineStart(offset), offset).isBlank();
    }

    boolean onlyWhitespaceAfter(int offset) {
        int end = text.indexOf('\n', offset);
        return text.substring(offset, end < 0 ? text.length() : end).isBlank();
    }

    String indentOf(int offset) {
        int start = lineStart(offset);
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    TextEdit replace(int start, int end, String newText) {
        return new TextEdit(new Range(document.getPosition(start), document.getPosition(end)), newText);
    }

    TextEdit insert(int offset, String newText) {
        return replace(offset, offset, newText);
    }
}
