package io.mailrules.imap;

import io.mailrules.core.check.ServerSupport;
import io.mailrules.core.source.FolderReader;
import io.mailrules.core.source.HostUnreachableException;
import io.mailrules.core.source.MailboxAccess;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.ServerFolders;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The planner's view of real servers for a dry run: a folder's state is read by STATUS and its messages with the
 * folder opened by EXAMINE, so planning never changes a mailbox, not even a {@code \Seen} flag. One session is held
 * at a time and replaced when the planner moves on to the next mailbox, so planning a fleet never waits for more than
 * one of the host's connection slots: a large folder is searched over a second connection only with a slot that was
 * free (see {@link SearchLanes}). Not thread-safe; close it when the plan is made.
 */
public final class ImapMailboxAccess implements MailboxAccess, AutoCloseable {

    private final ImapConnector connector;
    private final MailboxLogins logins;
    private final Optional<WarmSessions> keepLast;
    private ImapMailbox session;

    public ImapMailboxAccess(ImapConnector connector, MailboxLogins logins) {
        this(connector, logins, Optional.empty());
    }

    /** @param keepLast where the last session goes when this access closes, for an apply that follows at once */
    public ImapMailboxAccess(ImapConnector connector, MailboxLogins logins, Optional<WarmSessions> keepLast) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.keepLast = Objects.requireNonNull(keepLast, "keepLast");
    }

    @Override
    public ServerFolders folders(String mailbox) throws MailboxException {
        ImapMailbox connected = session(mailbox);
        Map<String, Set<String>> listed = connected.listFolders();
        Optional<String> trash = listed.entrySet().stream()
                .filter(folder -> folder.getValue().stream().anyMatch(attribute -> attribute.equalsIgnoreCase("\\Trash")))
                .map(Map.Entry::getKey).findFirst();
        return new ServerFolders(connected.folderNames(), listed.keySet(), trash);
    }

    @Override
    public ServerSupport support(String mailbox) throws MailboxException {
        ServerCapabilities capabilities = session(mailbox).capabilities();
        return ServerSupport.of(capabilities.move(), capabilities.uidPlus());
    }

    @Override
    public FolderReader open(String mailbox, String folder) throws MailboxException {
        return new StatusFirstReader(session(mailbox), folder);
    }

    private ImapMailbox session(String mailbox) throws MailboxException {
        if (session != null && session.settings().name().equals(mailbox)) {
            return session;
        }
        hangUp();
        MailboxLogin login = logins.login(mailbox);
        try {
            session = connector.connect(login.settings(), login.credentials());
        } catch (InterruptedException e) {
            // The planner cannot be told about cancellation through its port; keep the flag for the caller's check.
            Thread.currentThread().interrupt();
            throw new HostUnreachableException(mailbox, login.settings().host(), login.settings().port(),
                    "cancelled while waiting for a free connection to the host", e);
        }
        return session;
    }

    @Override
    public void close() {
        if (session != null && keepLast.isPresent()) {
            keepLast.get().keep(session);
            session = null;
        }
        hangUp();
    }

    private void hangUp() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
