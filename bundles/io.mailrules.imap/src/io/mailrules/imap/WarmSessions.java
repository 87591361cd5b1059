package io.mailrules.imap;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions a dry run used, kept logged in for the apply that follows it at once (`mailrules run`, `serve`, fleets), so
 * a run logs in to a mailbox once instead of twice. A kept session holds one of its host's connection slots, so it is
 * handed to the apply of its own mailbox only, and an apply that turns to another mailbox of its plan first hangs up
 * the plan's other kept sessions: an apply never waits for a slot that a kept session holds. Thread-safe, for fleets
 * that plan and apply mailboxes in parallel.
 */
public final class WarmSessions implements AutoCloseable {

    private final Map<String, ImapMailbox> kept = new HashMap<>();

    /** Keeps {@code session} for its mailbox, in place of one kept before, which is hung up. */
    synchronized void keep(ImapMailbox session) {
        ImapMailbox earlier = kept.put(session.settings().name(), session);
        if (earlier != null && earlier != session) {
            earlier.close();
        }
    }

    /**
     * The session kept for {@code mailbox}, if any; the kept sessions of the plan's other mailboxes are hung up.
     *
     * @param planMailboxes the mailboxes of the plan being applied, which are applied one after the other
     */
    synchronized Optional<ImapMailbox> take(String mailbox, Collection<String> planMailboxes) {
        ImapMailbox session = kept.remove(mailbox);
        release(planMailboxes);
        return Optional.ofNullable(session);
    }

    /** Hangs up the sessions kept for these mailboxes, e.g. once their plan is applied or found empty. */
    public synchronized void release(Collection<String> mailboxes) {
        for (String mailbox : mailboxes) {
            Optional.ofNullable(kept.remove(mailbox)).ifPresent(ImapMailbox::close);
        }
    }

    /** Hangs up the sessions nobody took. */
    @Override
    public synchronized void close() {
        kept.values().forEach(ImapMailbox::close);
        kept.clear();
    }
}
