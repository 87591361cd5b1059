package io.mailrules.cli.log;

/**
 * Escapes what a log line shows of values that come from rules files, servers and mail (folder names, server
 * answers, subjects): a line break, a carriage return or a terminal control sequence in a value must never end the
 * line, start a forged one or rewrite what a terminal shows. Written by hand rather than with Gson, which leaves C1
 * controls and bidirectional overrides as they are; the same escapes serve both log formats, as they are valid in
 * JSON strings.
 */
public final class LogValues {

    private LogValues() {
    }

    /**
     * {@code value} with backslashes, double quotes, tabs and line breaks escaped as in Java and JSON and every other
     * control, format or separator character as {@code \}{@code uXXXX}; everything else, including non-ASCII letters,
     * stays as it is.
     */
    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        appendEscaped(escaped, value);
        return escaped.toString();
    }

    static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length();) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        for (char unit : Character.toChars(c)) {
                            out.append(String.format("\\u%04x", (int) unit));
                        }
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
    }

    /** Whether a value must be quoted in a {@code key=value} line: it is empty or has a space, quote, = or escape. */
    static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        return value.codePoints().anyMatch(c -> c == ' ' || c == '"' || c == '=' || c == '\\' || unsafe(c));
    }

    // C0 and C1 controls and DEL (line breaks, escape sequences), format characters (bidirectional overrides that
    // reorder what a reader sees), line and paragraph separators, and halves of broken surrogate pairs.
    private static boolean unsafe(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }
}
