package io.mailrules.ui.schedules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;

/** The rules files open in editors of the workbench, asked from any thread. */
final class OpenRulesFiles {

    private final IWorkbench workbench;

    OpenRulesFiles(IWorkbench workbench) {
        this.workbench = workbench;
    }

    List<IFile> list() {
        Display display = workbench.getDisplay();
        if (display.isDisposed()) {
            return List.of();
        }
        if (Display.getCurrent() == display) {
            return collect();
        }
        AtomicReference<List<IFile>> files = new AtomicReference<>(List.of());
        display.syncExec(() -> files.set(collect()));
        return files.get();
    }

    private List<IFile> collect() {
        List<IFile> files = new ArrayList<>();
        for (IWorkbenchWindow window : workbench.getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference editor : page.getEditorReferences()) {
                    try {
                        IFile file = Adapters.adapt(editor.getEditorInput(), IFile.class);
                        if (file != null && "mailrules".equals(file.getFileExtension()) && !files.contains(file)) {
                            files.add(file);
                        }
                    } catch (PartInitException e) {
                        // an editor that cannot restore its input has no schedules to offer
                    }
                }
            }
        }
        return files;
    }
}
