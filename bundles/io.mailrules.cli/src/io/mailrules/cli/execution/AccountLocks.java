package io.mailrules.cli.execution;

import java.time.Duration;
import java.util.Optional;

import io.mailrules.cli.Console;
import io.mailrules.cli.UsageException;
import io.mailrules.cli.options.Durations;
import io.mailrules.core.account.MailboxLockLocation;
import io.mailrules.core.account.MailboxLocks;

/**
 * The mailbox locks a command takes: one per account, in the user's state folder, shared with every other command,
 * {@code serve} and the workbench of the same user (see {@link MailboxLockLocation}). A command waits
 * {@code MAILRULES_LOCK_WAIT} (default 60 s; {@code 0} not at all) for a mailbox another one is working on.
 */
public final class AccountLocks {

    public static final String WAIT_VARIABLE = "MAILRULES_LOCK_WAIT";

    private AccountLocks() {
    }

    /** @param command the command's name, which a second command finding a mailbox busy names as its holder */
    public static MailboxLocks of(Console console, String command) throws UsageException {
        return new MailboxLocks(MailboxLockLocation.resolve(console.environment(), System.getProperty("user.home")),
                "mailrules " + command, waitFor(console.variable(WAIT_VARIABLE)));
    }

    private static Duration waitFor(Optional<String> typed) throws UsageException {
        if (typed.isEmpty() || typed.get().isBlank()) {
            return MailboxLocks.DEFAULT_WAIT;
        }
        if (typed.get().strip().equals("0")) {
            return Duration.ZERO;
        }
        try {
            return Durations.parse(typed.get());
        } catch (IllegalArgumentException e) {
            throw new UsageException(WAIT_VARIABLE + " " + e.getMessage() + ", or 0 not to wait");
        }
    }
}
