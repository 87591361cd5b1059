package io.mailrules.ui.mailboxes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.runtime.CoreException;

import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.logins.DeclaredCredential;
import io.mailrules.logins.MailboxBlocks;
import io.mailrules.ui.model.RulesParser;

/** Reads every rules file of the workspace for the mailboxes it declares. */
public final class WorkspaceMailboxes {

    public static final String EXTENSION = "mailrules";

    private final RulesParser parser;

    public WorkspaceMailboxes(RulesParser parser) {
        this.parser = parser;
    }

    /** The mailboxes of all open projects' rules files, by file path and then in file order. */
    public List<MailboxEntry> read(IWorkspaceRoot root) throws CoreException {
        List<IFile> files = new ArrayList<>();
        root.accept(resource -> {
            if (resource.getType() == IResource.FILE && EXTENSION.equals(resource.getFileExtension())) {
                files.add((IFile) resource);
            }
            return resource.getType() != IResource.PROJECT || resource.isAccessible();
        });
        files.sort(Comparator.comparing(file -> file.getFullPath().toString()));
        List<MailboxEntry> entries = new ArrayList<>();
        for (IFile file : files) {
            Optional<Model> model = parse(file);
            if (model.isEmpty()) {
                continue;
            }
            for (Mailbox mailbox : MailboxBlocks.declaredIn(model.get())) {
                entries.add(entry(file, model.get(), mailbox));
            }
        }
        return entries;
    }

    private Optional<Model> parse(IFile file) throws CoreException {
        String text;
        try (InputStream in = file.getContents(true)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        var contents = parser.parse(file, text).resource().getContents();
        return contents.isEmpty() ? Optional.empty() : Optional.of((Model) contents.getFirst());
    }

    private static MailboxEntry entry(IFile file, Model model, Mailbox mailbox) {
        boolean oauth2 = MailboxBlocks.declaredCredential(mailbox).map(DeclaredCredential::oauth2).orElse(false);
        try {
            MailboxSettings settings = MailboxBlocks.settings(mailbox);
            return new MailboxEntry(file, model, mailbox.getName(), Optional.of(settings), Optional.empty(), oauth2);
        } catch (IllegalArgumentException e) {
            // A block the editor marks as wrong (no host, bad port) is listed with why it cannot be connected.
            return new MailboxEntry(file, model, mailbox.getName(), Optional.empty(),
                    Optional.of(e.getMessage() + " (see " + file.getFullPath() + ")"), oauth2);
        }
    }
}
