package io.mailrules.ui.editor;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.editors.text.TextFileDocumentProvider;

/**
 * Documents of rules files come from the shared file buffers (so a quick fix applied from the Problems view edits
 * the open editor's text, not the file behind its back), partitioned for the rules editor's coloring.
 */
public final class RulesDocumentProvider extends TextFileDocumentProvider {

    @Override
    protected FileInfo createFileInfo(Object element) throws CoreException {
        FileInfo info = super.createFileInfo(element);
        if (info != null && info.fTextFileBuffer != null) {
            RulesPartitions.install(info.fTextFileBuffer.getDocument());
        }
        return info;
    }
}
