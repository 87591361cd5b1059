package io.mailrules.ui.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;

import io.mailrules.demo.DemoException;
import io.mailrules.demo.DemoFiles;
import io.mailrules.demo.DemoOptions;
import io.mailrules.demo.DemoServer;
import io.mailrules.ui.runs.SessionVariables;

/**
 * The workbench's demo: the embedded demo IMAP server with its generated sales mailboxes, a workspace project
 * holding the sample rules file written for that server, and the demo password defined for this session only, so
 * preview, apply and undo work without an account or a prompt. Closing it stops the server.
 */
public final class DemoWorkspace implements AutoCloseable {

    public static final String PROJECT = "mailrules-demo";

    private final DemoServer server;
    private final IFile rulesFile;
    private final SessionVariables session;

    private DemoWorkspace(DemoServer server, IFile rulesFile, SessionVariables session) {
        this.server = server;
        this.rulesFile = rulesFile;
        this.session = session;
    }

    /**
     * Starts the server and writes the sample file into the demo project (created, or reused from an earlier demo:
     * the file is rewritten, since the server's port changes with every start).
     */
    public static DemoWorkspace start(DemoOptions options, SessionVariables session)
            throws DemoException, CoreException, IOException {
        DemoServer server = DemoServer.start(options);
        try {
            IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
            if (!project.exists()) {
                project.create(new NullProgressMonitor());
            }
            project.open(new NullProgressMonitor());
            Path written = DemoFiles.write(project.getLocation().toFile().toPath(), server);
            project.refreshLocal(IResource.DEPTH_ONE, new NullProgressMonitor());
            session.define(DemoServer.PASSWORD_VARIABLE, DemoServer.PASSWORD);
            return new DemoWorkspace(server, project.getFile(written.getFileName().toString()), session);
        } catch (CoreException | IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public static DemoWorkspace start(Clock clock, SessionVariables session)
            throws DemoException, CoreException, IOException {
        return start(DemoOptions.defaults(clock), session);
    }

    public DemoServer server() {
        return server;
    }

    /** The sample rules file in the workspace. */
    public IFile rulesFile() {
        return rulesFile;
    }

    @Override
    public void close() {
        session.remove(DemoServer.PASSWORD_VARIABLE);
        server.close();
    }
}
