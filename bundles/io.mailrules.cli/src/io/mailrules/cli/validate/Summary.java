package io.mailrules.cli.validate;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;

/** The closing line of {@code validate}, e.g. {@code 2 errors, 1 warning in 1 file}. */
final class Summary {

    private Summary() {
    }

    /** Counts the diagnostics by severity; the files are those that have at least one. */
    static String of(List<Diagnostic> diagnostics) {
        List<String> counts = new ArrayList<>();
        add(counts, count(diagnostics, Severity.ERROR), "error", "errors");
        add(counts, count(diagnostics, Severity.WARNING), "warning", "warnings");
        add(counts, count(diagnostics, Severity.INFO), "info", "info");
        long files = diagnostics.stream().map(Diagnostic::path).distinct().count();
        return String.join(", ", counts) + " in " + files + (files == 1 ? " file" : " files");
    }

    private static long count(List<Diagnostic> diagnostics, Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    private static void add(List<String> counts, long count, String singular, String plural) {
        if (count > 0) {
            counts.add(count + " " + (count == 1 ? singular : plural));
        }
    }
}
