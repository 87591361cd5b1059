package io.mailrules.dsl.ide.highlighting;

/**
 * Semantic highlighting style ids. Editors map them to colors; names stay stable for preferences.
 */
public final class MailrulesHighlightingStyles {

    /** The name where a mailbox, group, layout, rules block, retention, schedule or rule is declared. */
    public static final String DECLARATION = "mailrules.declaration";
    /** A name that refers to a declaration. */
    public static final String REFERENCE = "mailrules.reference";
    /** A folder path: layout folders, targets of move/copy, source folders. */
    public static final String FOLDER = "mailrules.folder";
    /** A regular expression. */
    public static final String REGEX = "mailrules.regex";
    /** The name of a header field in a header test. */
    public static final String HEADER_NAME = "mailrules.header";
    /** Where a credential comes from; a literal password is marked the same way to stand out. */
    public static final String SECRET = "mailrules.secret";
    /** delete and expunge, which remove mail from where the user looks for it. */
    public static final String DESTRUCTIVE = "mailrules.destructive";

    private MailrulesHighlightingStyles() {
    }
}
