package io.mailrules.ui.editor.coloring;

import java.util.Collection;

import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;

/** Colors the code between comments and strings: the language's words, regexes and numbers. */
public final class CodeScanner extends RuleBasedScanner {

    /** @param keywords the grammar's word keywords, so the editor never drifts from the language */
    public CodeScanner(Collection<String> keywords) {
        WordRule words = new WordRule(new NameDetector(), new Token(RulesColors.DEFAULT));
        Token keyword = new Token(RulesColors.KEYWORD);
        keywords.forEach(word -> words.addWord(word, keyword));
        setRules(new IRule[] {
                new WhitespaceRule(Character::isWhitespace),
                new RegexRule(new Token(RulesColors.REGEX)),
                words,
                new NumberRule(new Token(RulesColors.NUMBER)) });
        setDefaultReturnToken(new Token(RulesColors.DEFAULT));
    }

    /** Names as the grammar's ID terminal reads them; hyphens included, since "sdr-1" is one name. */
    private static final class NameDetector implements IWordDetector {

        @Override
        public boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '_' || c == '^';
        }

        @Override
        public boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-';
        }
    }
}
