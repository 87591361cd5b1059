package io.mailrules.cli.validate;

import java.util.Comparator;
import java.util.Locale;

import org.eclipse.xtext.diagnostics.Severity;

/**
 * One problem in a rule file, located the way compilers do it so that editors and CI annotate the line.
 *
 * @param path the file as the user named it (relative stays relative)
 * @param line 1-based
 * @param column 1-based
 */
public record Diagnostic(String path, int line, int column, Severity severity, String message) {

    public static final Comparator<Diagnostic> BY_LOCATION = Comparator.comparing(Diagnostic::path)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column);

    /** {@code path:line:col: severity: message}, on one line. */
    public String format() {
        // A message spanning lines would break tools that read one diagnostic per line.
        String oneLine = message.replaceAll("\\s*\\R\\s*", " ");
        return path + ":" + line + ":" + column + ": " + severity.name().toLowerCase(Locale.ROOT) + ": " + oneLine;
    }
}
