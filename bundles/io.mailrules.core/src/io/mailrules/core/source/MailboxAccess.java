package io.mailrules.core.source;

import io.mailrules.core.check.ServerSupport;

/**
 * The planner's only way to a server, supplied by the caller (the IMAP connector, or an in-memory fake in tests),
 * so that planning stays pure: the same model, clock and mailbox contents always give the same plan. It lives in
 * core so that the connector can implement it without the engine and the connector knowing each other.
 */
public interface MailboxAccess {

    /** How the mailbox names folders and which it already has; asked once per mailbox and plan. */
    ServerFolders folders(String mailbox) throws MailboxException;

    /**
     * Opens a folder by its path (as {@link ServerFolders#path(String)} returns it) for reading; the caller closes
     * it before opening the next, since servers cap the connections one login may hold.
     */
    FolderReader open(String mailbox, String folder) throws MailboxException;

    /**
     * Which of a plan's commands the mailbox's server can carry out safely, so that a dry run can say beforehand
     * what a run would refuse; asked once per mailbox and plan.
     */
    default ServerSupport support(String mailbox) throws MailboxException {
        return ServerSupport.ALL;
    }
}
