package io.mailrules.ui.markers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.assist.QuickFixes;
import io.mailrules.ui.edits.WorkspaceEdits;
import io.mailrules.ui.model.ParsedRules;
import io.mailrules.ui.model.RulesParser;

/** Quick fixes in the Problems view: the same code actions Ctrl+1 offers in the editor. */
public final class RulesMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        return marker.getAttribute(RulesMarkers.ISSUE_CODE, null) != null;
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        if (!(marker.getResource() instanceof IFile file) || !hasResolutions(marker)) {
            return new IMarkerResolution[0];
        }
        try {
            ParsedRules parse = MailrulesUiPlugin.service(RulesParser.class).parse(file, currentText(file));
            int start = marker.getAttribute(IMarker.CHAR_START, 0);
            int end = marker.getAttribute(IMarker.CHAR_END, start);
            Diagnostic problem = QuickFixes.problem(parse, start, end - start,
                    marker.getAttribute(RulesMarkers.ISSUE_CODE, null), marker.getAttribute(IMarker.MESSAGE, ""));
            return QuickFixes.fixes(parse, problem).stream().map(fix -> new Resolution(fix, file))
                    .toArray(IMarkerResolution[]::new);
        } catch (CoreException | IOException e) {
            MailrulesUiPlugin.log("Could not compute fixes for " + file.getFullPath(), e);
            return new IMarkerResolution[0];
        }
    }

    /** The text an open editor shows (the marker positions refer to it), else the file's. */
    private static String currentText(IFile file) throws CoreException, IOException {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(),
                LocationKind.IFILE);
        if (buffer != null) {
            return buffer.getDocument().get();
        }
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private record Resolution(CodeAction fix, IFile file) implements IMarkerResolution {

        @Override
        public String getLabel() {
            return fix.getTitle();
        }

        @Override
        public void run(IMarker marker) {
            try {
                for (IFile changed : WorkspaceEdits.apply(fix.getEdit())) {
                    Revalidation.of(changed);
                }
                Revalidation.of(file);
            } catch (CoreException e) {
                MailrulesUiPlugin.log("Quick fix '" + fix.getTitle() + "' failed", e);
            }
        }
    }
}
