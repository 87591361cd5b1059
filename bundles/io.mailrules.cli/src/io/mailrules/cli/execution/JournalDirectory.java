package io.mailrules.cli.execution;

import java.nio.file.Path;
import java.util.Optional;

import io.mailrules.cli.Console;
import io.mailrules.core.journal.store.JournalLocation;
import io.mailrules.core.journal.store.JournalStore;

/** Where runs are journaled: {@code --journal DIR}, else {@code MAILRULES_JOURNAL}, else the XDG data directory. */
public final class JournalDirectory {

    public static final String VARIABLE = "MAILRULES_JOURNAL";

    private JournalDirectory() {
    }

    public static JournalStore store(Optional<String> option, Console console) {
        Path directory = option.or(() -> console.variable(VARIABLE)).map(console::resolve)
                .orElseGet(() -> JournalLocation.resolve(console.environment(), System.getProperty("user.home")));
        return new JournalStore(directory);
    }
}
