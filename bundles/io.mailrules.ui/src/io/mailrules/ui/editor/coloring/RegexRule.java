package io.mailrules.ui.editor.coloring;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/**
 * A /regex/ literal as the grammar's REGEX terminal reads it: on one line, with backslash escapes, and never
 * starting with '/' or '*' (those start comments).
 */
final class RegexRule implements IRule {

    private final IToken token;

    RegexRule(IToken token) {
        this.token = token;
    }

    @Override
    public IToken evaluate(ICharacterScanner scanner) {
        if (scanner.read() != '/') {
            scanner.unread();
            return Token.UNDEFINED;
        }
        int read = 1;
        int first = scanner.read();
        read++;
        if (first == '/' || first == '*' || ends(first)) {
            return undo(scanner, read);
        }
        int c = first;
        while (true) {
            if (c == '\\') {
                c = scanner.read();
                read++;
                if (ends(c)) {
                    return undo(scanner, read);
                }
            }
            c = scanner.read();
            read++;
            if (c == '/') {
                return token;
            }
            if (ends(c)) {
                return undo(scanner, read);
            }
        }
    }

    private static boolean ends(int c) {
        return c == ICharacterScanner.EOF || c == '\n' || c == '\r';
    }

    private static IToken undo(ICharacterScanner scanner, int read) {
        for (int i = 0; i < read; i++) {
            scanner.unread();
        }
        return Token.UNDEFINED;
    }
}
