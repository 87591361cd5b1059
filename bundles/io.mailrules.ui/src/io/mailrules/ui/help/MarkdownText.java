package io.mailrules.ui.help;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown as plain text with styled ranges, enough for our own guides: headings, fenced code, tables and inline
 * code are marked; links keep their text. Not a general Markdown renderer, and it needs no browser widget.
 */
public final class MarkdownText {

    /** A styled range of the rendered text. */
    public record Span(int start, int length, Kind kind) {
    }

    public enum Kind {
        HEADING, SUBHEADING, CODE
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Span> spans = new ArrayList<>();

    private MarkdownText() {
    }

    public static MarkdownText render(String markdown) {
        MarkdownText rendered = new MarkdownText();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced || line.startsWith("|")) {
                rendered.append(line, Kind.CODE);
            } else if (line.startsWith("## ") || line.startsWith("### ")) {
                rendered.append(heading(line), Kind.SUBHEADING);
            } else if (line.startsWith("# ")) {
                rendered.append(heading(line), Kind.HEADING);
            } else {
                rendered.inline(line);
            }
            rendered.text.append('\n');
        }
        return rendered;
    }

    // A heading is styled as a whole, so code marks in it are only dropped.
    private static String heading(String line) {
        return line.substring(line.indexOf(' ') + 1).replace("`", "");
    }

    private void append(String line, Kind kind) {
        spans.add(new Span(text.length(), line.length(), kind));
        text.append(line);
    }

    // Inline code becomes a styled span; [text](link) keeps only its text; ** and * emphasis markers are dropped.
    private void inline(String line) {
        String plain = line.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("**", "");
        int at = 0;
        while (at < plain.length()) {
            int open = plain.indexOf('`', at);
            int close = open < 0 ? -1 : plain.indexOf('`', open + 1);
            if (close < 0) {
                text.append(plain, at, plain.length());
                return;
            }
            text.append(plain, at, open);
            append(plain.substring(open + 1, close), Kind.CODE);
            at = close + 1;
        }
    }

    public String text() {
        return text.toString();
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }
}
