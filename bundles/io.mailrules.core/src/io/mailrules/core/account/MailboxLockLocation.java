package io.mailrules.core.account;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the mailbox locks of a user live: {@code $XDG_STATE_HOME/mailrules/locks}, else
 * {@code ~/.local/state/mailrules/locks}. Not beside the journal: every process of a user must find the same lock
 * for a mailbox whichever journal directory it writes to (a {@code --journal} option, the workbench's preference).
 * Not in {@code $XDG_RUNTIME_DIR}: cron and service managers often start commands without one, and a lock is only a
 * lock if every process looks in the same place.
 */
public final class MailboxLockLocation {

    private MailboxLockLocation() {
    }

    /** The folder for this process's environment. */
    public static Path fromSystem() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * @param environment the process environment (a parameter so tests need not change the real one)
     * @param userHomeProperty the {@code user.home} system property, used when {@code HOME} is unset
     */
    public static Path resolve(Map<String, String> environment, String userHomeProperty) {
        String stateHome = environment.get("XDG_STATE_HOME");
        // The XDG Base Directory specification says a relative value is invalid and must be ignored.
        if (stateHome != null && !stateHome.isEmpty() && Path.of(stateHome).isAbsolute()) {
            return Path.of(stateHome, "mailrules", "locks");
        }
        String home = environment.get("HOME");
        if (home == null || home.isEmpty()) {
            home = userHomeProperty;
        }
        if (home == null || home.isEmpty()) {
            throw new IllegalStateException("neither XDG_STATE_HOME nor HOME nor user.home is set");
        }
        return Path.of(home, ".local", "state", "mailrules", "locks");
    }
}
