package io.mailrules.ui.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.security.storage.StorageException;

import io.mailrules.demo.DemoException;
import io.mailrules.demo.DemoFiles;
import io.mailrules.demo.DemoOptions;
import io.mailrules.demo.DemoServer;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.imap.Credentials;
import io.mailrules.logins.MailboxBlocks;
import io.mailrules.ui.mail.CredentialsStore;
import io.mailrules.ui.mail.WorkbenchMail;
import io.mailrules.ui.preview.RulesFileException;
import io.mailrules.ui.preview.RulesFileLoader;

/**
 * The workbench's demo: the embedded demo IMAP server with its generated sales mailboxes, a workspace project with
 * the sample rules file written for that server, and a secure storage of its own that holds the demo password for
 * the demo mailboxes, so preview, apply and undo work without an account or a prompt and the user's own secure
 * storage is never touched. Closing it puts the user's storage back and stops the server.
 */
public final class DemoWorkspace implements AutoCloseable {

    public static final String PROJECT = "mailrules-demo";

    private final DemoServer server;
    private final IFile rulesFile;
    private final WorkbenchMail mail;
    private final CredentialsStore usersStore;
    private final Path storeDirectory;

    private DemoWorkspace(DemoServer server, IFile rulesFile, WorkbenchMail mail, CredentialsStore usersStore,
            Path storeDirectory) {
        this.server = server;
        this.rulesFile = rulesFile;
        this.mail = mail;
        this.usersStore = usersStore;
        this.storeDirectory = storeDirectory;
    }

    /**
     * Starts the server and writes the sample file into the demo project (created, or reused from an earlier demo:
     * the file is rewritten, since the server's port changes with every start).
     */
    public static DemoWorkspace start(DemoOptions options, WorkbenchMail mail) throws DemoException, CoreException,
            IOException, RulesFileException, StorageException {
        DemoServer server = DemoServer.start(options);
        Path storeDirectory = null;
        try {
            IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
            if (!project.exists()) {
                project.create(new NullProgressMonitor());
            }
            project.open(new NullProgressMonitor());
            Path written = DemoFiles.write(project.getLocation().toFile().toPath(), server);
            project.refreshLocal(IResource.DEPTH_ONE, new NullProgressMonitor());
            IFile file = project.getFile(written.getFileName().toString());
            storeDirectory = Files.createTempDirectory("mailrules-demo-");
            CredentialsStore demoStore = CredentialsStore.open(storeDirectory.resolve("secure_storage"),
                    UUID.randomUUID().toString().toCharArray());
            for (Mailbox mailbox : MailboxBlocks.all(new RulesFileLoader().load(file).model())) {
                demoStore.remember(MailboxBlocks.settings(mailbox), Credentials.password(DemoServer.PASSWORD));
            }
            CredentialsStore usersStore = mail.credentials();
            mail.useCredentials(demoStore);
            return new DemoWorkspace(server, file, mail, usersStore, storeDirectory);
        } catch (CoreException | IOException | RulesFileException | StorageException | RuntimeException e) {
            server.close();
            deleteQuietly(storeDirectory);
            throw e;
        }
    }

    public static DemoWorkspace start(Clock clock, WorkbenchMail mail) throws DemoException, CoreException,
            IOException, RulesFileException, StorageException {
        return start(DemoOptions.defaults(clock), mail);
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
        mail.useCredentials(usersStore);
        server.close();
        deleteQuietly(storeDirectory);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind holds only the demo's throw-away password
        }
    }
}
