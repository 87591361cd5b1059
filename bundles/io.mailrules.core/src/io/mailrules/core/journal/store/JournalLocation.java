package io.mailrules.core.journal.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where journals live unless the user says otherwise: {@code $XDG_DATA_HOME/mailrules/journal}, else
 * {@code ~/.local/share/mailrules/journal}. Journals are data the user would miss (they are what undo works from),
 * not cache, hence the data directory rather than the cache or state directory.
 */
public final class JournalLocation {

    private JournalLocation() {
    }

    /** The default directory for this process's environment. */
    public static Path fromSystem() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * @param environment the process environment (taken as a parameter so tests need not change the real one)
     * @param userHomeProperty the {@code user.home} system property, used when {@code HOME} is unset
     */
    public static Path resolve(Map<String, String> environment, String userHomeProperty) {
        String dataHome = environment.get("XDG_DATA_HOME");
        // The XDG Base Directory specification says a relative value is invalid and must be ignored.
        if (dataHome != null && !dataHome.isEmpty() && Path.of(dataHome).isAbsolute()) {
            return Path.of(dataHome, "mailrules", "journal");
        }
        String home = environment.get("HOME");
        if (home == null || home.isEmpty()) {
            home = userHomeProperty;
        }
        if (home == null || home.isEmpty()) {
            throw new IllegalStateException("neither XDG_DATA_HOME nor HOME nor user.home is set; pass the journal "
                    + "directory explicitly");
        }
        return Path.of(home, ".local", "share", "mailrules", "journal");
    }
}
