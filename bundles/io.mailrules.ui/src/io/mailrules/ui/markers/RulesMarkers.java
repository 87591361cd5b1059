package io.mailrules.ui.markers;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.xtext.validation.Issue;

/**
 * The problem markers of rules files: one marker per validation issue, carrying the issue code so that the
 * Problems view can offer the language's quick fixes.
 */
public final class RulesMarkers {

    public static final String TYPE = "io.mailrules.ui.problem";
    /** The validator's issue code (see MailrulesIssueCodes). */
    public static final String ISSUE_CODE = "io.mailrules.ui.issueCode";

    private RulesMarkers() {
    }

    /**
     * Replaces the file's markers with these issues in one workspace operation, so that the Problems view sees one
     * change rather than a flicker of removals and additions.
     */
    public static void replace(IFile file, List<Issue> issues) throws CoreException {
        if (!file.exists()) {
            return;
        }
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        workspace.run(monitor -> {
            file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
            for (Issue issue : issues) {
                create(file, issue);
            }
        }, workspace.getRuleFactory().markerRule(file), IWorkspace.AVOID_UPDATE, new NullProgressMonitor());
    }

    public static List<IMarker> of(IFile file) throws CoreException {
        return List.of(file.findMarkers(TYPE, false, IResource.DEPTH_ZERO));
    }

    private static void create(IFile file, Issue issue) throws CoreException {
        IMarker marker = file.createMarker(TYPE);
        marker.setAttribute(IMarker.MESSAGE, issue.getMessage());
        marker.setAttribute(IMarker.SEVERITY, severity(issue));
        if (issue.getLineNumber() != null) {
            marker.setAttribute(IMarker.LINE_NUMBER, issue.getLineNumber().intValue());
        }
        if (issue.getOffset() != null && issue.getLength() != null) {
            marker.setAttribute(IMarker.CHAR_START, issue.getOffset().intValue());
            marker.setAttribute(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
        }
        if (issue.getCode() != null) {
            marker.setAttribute(ISSUE_CODE, issue.getCode());
        }
    }

    private static int severity(Issue issue) {
        return switch (issue.getSeverity()) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            default -> IMarker.SEVERITY_INFO;
        };
    }
}
