package io.mailrules.ui.editor.coloring;

import java.util.Map;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

import io.mailrules.dsl.ide.highlighting.MailrulesHighlightingStyles;

/**
 * How each kind of token looks. Lexical colors come first; semantic styles (from the language's highlighting
 * calculator) are drawn over them where the parser knows better, e.g. a keyword used as a layout's name.
 */
public final class RulesColors {

    public static final TextAttribute KEYWORD = bold(127, 0, 85);
    public static final TextAttribute STRING = plain(42, 0, 255);
    public static final TextAttribute COMMENT = plain(63, 127, 95);
    public static final TextAttribute REGEX = plain(176, 96, 0);
    public static final TextAttribute NUMBER = plain(0, 102, 153);
    public static final TextAttribute DEFAULT = new TextAttribute(null);

    private static final Map<String, TextAttribute> SEMANTIC = Map.of(
            MailrulesHighlightingStyles.DECLARATION, bold(0, 0, 0),
            MailrulesHighlightingStyles.REFERENCE, plain(0, 90, 140),
            MailrulesHighlightingStyles.FOLDER, plain(0, 128, 128),
            MailrulesHighlightingStyles.REGEX, REGEX,
            MailrulesHighlightingStyles.HEADER_NAME, plain(120, 60, 160),
            MailrulesHighlightingStyles.SECRET, new TextAttribute(new Color(150, 90, 0), null, SWT.ITALIC),
            MailrulesHighlightingStyles.DESTRUCTIVE, bold(200, 0, 0));

    private RulesColors() {
    }

    /** The look of a semantic style id, or null for ids this editor does not color. */
    public static TextAttribute semantic(String styleId) {
        return SEMANTIC.get(styleId);
    }

    // Colors without a device need no disposal (SWT 4.x), so these constants are safe to share.
    private static TextAttribute plain(int red, int green, int blue) {
        return new TextAttribute(new Color(red, green, blue));
    }

    private static TextAttribute bold(int red, int green, int blue) {
        return new TextAttribute(new Color(red, green, blue), null, SWT.BOLD);
    }
}
