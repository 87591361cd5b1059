package io.mailrules.ui.mailboxes;

import java.util.Optional;

import org.eclipse.core.resources.IFile;

import io.mailrules.dsl.mailrules.Model;
import io.mailrules.imap.MailboxSettings;

/**
 * One mailbox block of a workspace rules file.
 *
 * @param model the parsed file, which the mailbox's login is resolved against
 * @param settings empty when the block lacks what a connection needs; {@code problem} then says what
 * @param oauth2 whether the mailbox logs in with an OAuth2 token rather than a password
 */
public record MailboxEntry(IFile file, Model model, String name, Optional<MailboxSettings> settings,
        Optional<String> problem, boolean oauth2) {

    /** Identifies the row across re-reads of the workspace, so a connection's state survives an edit. */
    public String key() {
        return file.getFullPath() + "#" + name;
    }

    /** The file's location on disk, as journals record their rules file. */
    public String sourceFile() {
        return file.getLocation() == null ? file.getFullPath().toString() : file.getLocation().toOSString();
    }
}
