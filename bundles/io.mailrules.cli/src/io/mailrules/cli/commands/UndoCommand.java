package io.mailrules.cli.commands;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.mailrules.cli.Command;
import io.mailrules.cli.Console;
import io.mailrules.cli.execution.FollowUp;
import io.mailrules.cli.execution.JournalDirectory;
import io.mailrules.cli.execution.MailWiring;
import io.mailrules.cli.log.LogFormat;
import io.mailrules.cli.options.Arguments;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.imap.NotRestored;
import io.mailrules.imap.UndoResult;

/** {@code mailrules undo RUN}: reverses a whole run from its journal, journaled itself so it can be resumed. */
public final class UndoCommand implements Command {

    private final Clock clock;

    public UndoCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "undo";
    }

    @Override
    public String arguments() {
        return "RUN [OPTIONS]";
    }

    @Override
    public String summary() {
        return "reverse a run: moves back, flags restored, deleted mail back from Trash";
    }

    @Override
    public String details() {
        return """
                RUN is a run id from 'mailrules runs', or the start of one. Moved and deleted messages go back
                to the folders they came from (by the UIDs the server reported, else among what arrived in the
                target since the run's mark of it, by Message-ID or position), copies are removed, flags and
                keywords are restored as they were. Expunged messages cannot come back, and mail that cannot be
                told apart from other mail in its target (an older copy, a shared Message-ID, a target renumbered
                since) is left where it is: each is listed. The undo is a run of its own in the journal;
                'mailrules resume' finishes it if it is interrupted.

                  --rules FILE  take the logins from FILE instead of the rules file the run was planned from
                  --journal DIR journal directory (as for 'apply')
                  --json        print the result as JSON
                """ + LogFormat.HELP_NARROW + """

                A mailbox another 'mailrules' is working on is waited for up to 60 s (MAILRULES_LOCK_WAIT);
                then it fails as busy.
                Exit code: 0 all reversed, 1 refused (an undo of an undo, a second undo), 2 no mailbox could
                be reached, logged in to or was free, 3 partial.""";
    }

    @Override
    public boolean logs() {
        return true;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments arguments = Arguments.parse(args, Set.of("--json"), Set.of("--rules", "--journal"));
        JournalStore journals = JournalDirectory.store(arguments.value("--journal"), console);
        FollowUp followUp = FollowUp.of(arguments.single("run id"), arguments.value("--rules"), journals, console);
        MailWiring wiring = new MailWiring(clock);
        return followUp.perform("undo", arguments.has("--json"), console, (progress, logins) -> {
            UndoResult result = followUp.followUp().undo(wiring.connector(), logins, clock, progress);
            for (NotRestored lost : result.notRestored()) {
                console.log().warn("notRestored", "mailbox", lost.mailbox(), "folder", lost.folder(), "batch",
                        lost.batchId(), "count", lost.uids().size(), "reason",
                        lost.reason().name().toLowerCase(java.util.Locale.ROOT), "message", lost.describe());
            }
            return result.run();
        });
    }
}
