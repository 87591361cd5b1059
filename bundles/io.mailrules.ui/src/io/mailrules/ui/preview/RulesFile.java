package io.mailrules.ui.preview;

import java.util.Objects;

import org.eclipse.core.resources.IFile;

import io.mailrules.core.plan.SourceRef;
import io.mailrules.dsl.mailrules.Model;

/**
 * A saved rules file of the workspace that passed every check, ready to be planned: its model (imports resolved)
 * and the absolute path and digest a plan records, so its journal names the file the run came from.
 */
public record RulesFile(IFile file, Model model, SourceRef source) {
    public RulesFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
    }
}
