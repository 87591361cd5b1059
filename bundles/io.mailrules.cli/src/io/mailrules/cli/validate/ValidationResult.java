package io.mailrules.cli.validate;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;

/**
 * What {@code validate} found.
 *
 * @param diagnostics problems in the files that could be read, and in the files they import, sorted by location
 * @param unreadable one message per named file that could not be read, naming it
 */
public record ValidationResult(List<Diagnostic> diagnostics, List<String> unreadable) {

    public boolean hasErrors() {
        return !unreadable.isEmpty() || diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** {@code 2 errors, 1 warning in 1 file}; empty when there are no diagnostics. */
    public String summary() {
        return diagnostics.isEmpty() ? "" : Summary.of(diagnostics);
    }
}
