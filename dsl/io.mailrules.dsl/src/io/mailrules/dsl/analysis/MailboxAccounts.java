package io.mailrules.dsl.analysis;

import java.util.Optional;

import io.mailrules.core.account.MailboxAccount;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Security;
import io.mailrules.dsl.mailrules.Server;
import io.mailrules.dsl.mailrules.User;

/**
 * The account a mailbox block logs in to, as the planner, the connector's settings and the locks all have to agree
 * on it: one place says which port a block without {@code port} means.
 */
public final class MailboxAccounts {

    public static final int IMAPS_PORT = 993;
    public static final int IMAP_PORT = 143;

    private MailboxAccounts() {
    }

    /** TLS from the first byte uses the IMAPS port; STARTTLS and plain connections the IMAP port. */
    public static int port(Server server) {
        if (server.getPort() > 0) {
            return server.getPort();
        }
        return server.getSecurity() == Security.TLS ? IMAPS_PORT : IMAP_PORT;
    }

    /**
     * @throws IllegalArgumentException naming the mailbox when it lacks a host or user (the validator reports both,
     *         so only a file with errors gets here)
     */
    public static MailboxAccount of(Mailbox mailbox) {
        Server server = setting(mailbox, Server.class).filter(found -> found.getHost() != null
                && !found.getHost().isBlank()).orElseThrow(() -> new IllegalArgumentException(
                        "Mailbox '" + mailbox.getName() + "' has no host"));
        String user = setting(mailbox, User.class).map(User::getUser).filter(found -> !found.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("Mailbox '" + mailbox.getName() + "' has no user"));
        return new MailboxAccount(server.getHost(), port(server), user);
    }

    private static <T> Optional<T> setting(Mailbox mailbox, Class<T> type) {
        return mailbox.getSettings().stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
