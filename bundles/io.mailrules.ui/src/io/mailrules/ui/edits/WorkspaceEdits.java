package io.mailrules.ui.edits;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Applies the language service's edits to workspace files through the shared file buffers: a file open in an
 * editor changes in the editor (for the user to save or undo), a closed file is changed and saved.
 */
public final class WorkspaceEdits {

    private WorkspaceEdits() {
    }

    /** Applies the edit on the UI thread; returns the files that changed. */
    public static Set<IFile> apply(WorkspaceEdit edit) throws CoreException {
        Set<IFile> changed = new LinkedHashSet<>();
        if (edit.getChanges() == null) {
            return changed;
        }
        for (Map.Entry<String, List<TextEdit>> entry : edit.getChanges().entrySet()) {
            IFile file = fileOf(entry.getKey());
            if (file == null) {
                throw new CoreException(org.eclipse.core.runtime.Status.error("not a workspace file: " + entry.getKey()));
            }
            applyTo(file, entry.getValue());
            changed.add(file);
        }
        return changed;
    }

    /** The workspace file behind a file URI of the language services. */
    public static IFile fileOf(String uri) {
        try {
            IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(new URI(uri));
            return files.length == 0 ? null : files[0];
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void applyTo(IFile file, List<TextEdit> edits) throws CoreException {
        ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
        IPath path = file.getFullPath();
        boolean openElsewhere = buffers.getTextFileBuffer(path, LocationKind.IFILE) != null;
        buffers.connect(path, LocationKind.IFILE, new NullProgressMonitor());
        try {
            ITextFileBuffer buffer = buffers.getTextFileBuffer(path, LocationKind.IFILE);
            apply(buffer.getDocument(), edits);
            if (!openElsewhere) {
                buffer.commit(new NullProgressMonitor(), true);
            }
        } finally {
            buffers.disconnect(path, LocationKind.IFILE, new NullProgressMonitor());
        }
    }

    /** Applies edits given against the document's current text; the last one first, so offsets stay valid. */
    public static void apply(IDocument document, List<? extends TextEdit> edits) throws CoreException {
        try {
            List<? extends TextEdit> backwards = edits.stream()
                    .sorted(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                            .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed())
                    .toList();
            int[][] regions = new int[backwards.size()][];
            for (int i = 0; i < backwards.size(); i++) {
                TextEdit edit = backwards.get(i);
                int start = offset(document, edit.getRange().getStart());
                regions[i] = new int[] { start, offset(document, edit.getRange().getEnd()) - start };
            }
            for (int i = 0; i < backwards.size(); i++) {
                document.replace(regions[i][0], regions[i][1], backwards.get(i).getNewText());
            }
        } catch (BadLocationException e) {
            throw new CoreException(org.eclipse.core.runtime.Status.error("the text changed under the edit", e));
        }
    }

    private static int offset(IDocument document, Position position) throws BadLocationException {
        return document.getLineOffset(position.getLine()) + position.getCharacter();
    }
}
