package io.mailrules.imap;

import io.mailrules.core.source.MailboxException;

/**
 * Resolves a mailbox named in a rules file to its login, supplied by the caller: the command line reads the rules
 * file's settings and secrets from the environment or a command, the workbench from secure storage. Asked right
 * before connecting, so a secret is held no longer than the session needs it.
 */
@FunctionalInterface
public interface MailboxLogins {

    /**
     * @throws MailboxException naming the mailbox when its login cannot be resolved (e.g. a missing secret); the
     *         mailbox is then reported as failed and the others go on
     */
    MailboxLogin login(String mailbox) throws MailboxException;
}
