package io.mailrules.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;

/** A workspace project holding rules files, created and deleted through the workspace API. */
final class RulesProject {

    private final IProject project;

    private RulesProject(IProject project) {
        this.project = project;
    }

    static RulesProject create(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, new NullProgressMonitor());
        }
        project.create(new NullProgressMonitor());
        project.open(new NullProgressMonitor());
        return new RulesProject(project);
    }

    IProject project() {
        return project;
    }

    IFile file(String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE,
                new NullProgressMonitor());
        return file;
    }

    void delete() throws CoreException {
        project.delete(true, true, new NullProgressMonitor());
    }
}
