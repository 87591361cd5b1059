package io.mailrules.dsl.validation;

import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import com.google.inject.Inject;

import io.mailrules.dsl.analysis.AnalysisCache;
import io.mailrules.dsl.analysis.Describe;
import io.mailrules.dsl.analysis.LayoutIndex;
import io.mailrules.dsl.mailrules.Layout;

/**
 * Resolution of folder paths against a layout, shared by rules blocks and retention policies.
 */
public class FolderChecks {

    /** A folder that cannot be used; {@code data} feeds the "add it to the layout" quick fix. */
    public record Problem(String message, String code, String... data) {
    }

    @Inject
    private AnalysisCache analysis;

    public Optional<Problem> check(EObject source, String path, Layout layout) {
        LayoutIndex.Resolution r = analysis.layout(layout).resolve(path);
        if (r.found()) {
            return Optional.empty();
        }
        if (r.problem() != null) {
            return Optional.of(new Problem("Folder \"" + path + "\" in " + Describe.element(source)
                    + " cannot be resolved in layout '" + layout.getName() + "': " + r.problem(),
                    MailrulesIssueCodes.INVALID_FOLDER_PATH));
        }
        String detail = r.existingParent().isEmpty() ? ""
                : " (\"" + r.existingParent() + "\" has no child \"" + r.missingSegments().get(0) + "\")";
        return Optional.of(new Problem("Folder \"" + path + "\" of " + Describe.element(source)
                + " is not in layout '" + layout.getName() + "'" + detail, MailrulesIssueCodes.MISSING_FOLDER,
                layout.getName(), r.existingParent(), String.join("/", r.missingSegments())));
    }
}
