package io.mailrules.engine;

import io.mailrules.core.source.FolderReader;
import io.mailrules.core.source.MailboxException;

/**
 * The compiler's only way to a server, supplied by the caller (the IMAP connector, or an in-memory fake in tests),
 * so that compiling stays pure: the same model, clock and mailbox contents always give the same plan.
 */
public interface MailboxAccess {

    /** How the mailbox names folders and which it already has; asked once per mailbox and plan. */
    ServerFolders folders(String mailbox) throws MailboxException;

    /** Opens a folder by its server name (as {@link ServerFolders#serverName(String)} returns it) for reading. */
    FolderReader open(String mailbox, String serverFolder) throws MailboxException;
}
