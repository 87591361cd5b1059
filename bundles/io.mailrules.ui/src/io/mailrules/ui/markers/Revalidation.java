package io.mailrules.ui.markers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.editor.RulesEditor;
import io.mailrules.ui.model.ParsedRules;
import io.mailrules.ui.model.RulesParser;

/**
 * Brings a file's problem markers up to date after a change the file's own editor did not see, such as a quick
 * fix that added a folder to an imported layouts file.
 */
public final class Revalidation {

    private Revalidation() {
    }

    /** On the UI thread: an open editor of the file validates again; a closed file is validated in a job. */
    public static void of(IFile file) {
        for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            for (var page : window.getPages()) {
                for (IEditorReference reference : page.getEditorReferences()) {
                    if (reference.getEditor(false) instanceof RulesEditor editor && file.equals(editor.file())) {
                        editor.revalidate();
                        return;
                    }
                }
            }
        }
        fromDisk(file);
    }

    /** Validates the file as saved, in a job; for a file no editor shows (any more). */
    public static void fromDisk(IFile file) {
        Job job = Job.create("Validating " + file.getName(), (IJobFunction) monitor -> validateClosed(file, monitor));
        job.setRule(file);
        job.schedule();
    }

    private static IStatus validateClosed(IFile file, IProgressMonitor monitor) {
        if (!file.exists()) {
            return Status.OK_STATUS;
        }
        try (InputStream in = file.getContents(true)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            RulesParser parser = MailrulesUiPlugin.service(RulesParser.class);
            ParsedRules parse = parser.parse(file, text);
            RulesMarkers.replace(file, parser.validate(parse, monitor::isCanceled));
            return Status.OK_STATUS;
        } catch (CoreException | IOException e) {
            return Status.error("Could not validate " + file.getFullPath(), e);
        }
    }
}
