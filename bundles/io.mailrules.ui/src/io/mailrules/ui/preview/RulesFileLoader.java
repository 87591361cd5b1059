package io.mailrules.ui.preview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

import io.mailrules.core.plan.SourceRef;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.model.ParsedRules;
import io.mailrules.ui.model.RulesParser;

/**
 * Reads a rules file as it is saved and checks it as the editor does. A file with errors is never planned or run:
 * the first errors are named by line, as the Problems view shows them.
 */
public final class RulesFileLoader {

    private static final int ERRORS_NAMED = 3;

    public RulesFile load(IFile file) throws RulesFileException {
        byte[] content;
        try (InputStream in = file.getContents(true)) {
            content = in.readAllBytes();
        } catch (CoreException | IOException e) {
            throw new RulesFileException("cannot read " + file.getFullPath() + ": " + e.getMessage());
        }
        RulesParser parser = MailrulesUiPlugin.service(RulesParser.class);
        ParsedRules parsed = parser.parse(file, new String(content, StandardCharsets.UTF_8));
        List<Issue> errors = parser.validate(parsed, CancelIndicator.NullImpl).stream()
                .filter(issue -> issue.getSeverity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            StringBuilder message = new StringBuilder(file.getFullPath() + " has " + errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + "; nothing was planned or changed:");
            errors.stream().limit(ERRORS_NAMED).forEach(issue -> message.append("\n  line ")
                    .append(issue.getLineNumber()).append(": ").append(issue.getMessage()));
            throw new RulesFileException(message.toString());
        }
        String path = file.getLocation() != null ? file.getLocation().toOSString() : file.getFullPath().toString();
        return new RulesFile(file, (Model) parsed.resource().getContents().getFirst(), SourceRef.of(path, content));
    }
}
