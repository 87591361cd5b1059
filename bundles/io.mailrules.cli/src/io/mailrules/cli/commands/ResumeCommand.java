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

/** {@code mailrules resume RUN}: finishes an interrupted run or undo without losing or duplicating a message. */
public final class ResumeCommand implements Command {

    private final Clock clock;

    public ResumeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String arguments() {
        return "RUN [OPTIONS]";
    }

    @Override
    public String summary() {
        return "finish an interrupted run or undo from its journal";
    }

    @Override
    public String details() {
        return """
                RUN is a run id from 'mailrules runs', or the start of one. Batches the journal shows done are
                skipped; a batch that was sent but whose answer was lost is first checked against the server
                (what already arrived in the target folder, found by Message-ID, is not moved again); then the
                batches the run never reached are sent.

                  --rules FILE  take the logins from FILE instead of the rules file the run was planned from
                  --journal DIR journal directory (as for 'apply')
                  --json        print the result as JSON
                """ + LogFormat.HELP_NARROW + """

                A mailbox another 'mailrules' is working on is waited for up to 60 s (MAILRULES_LOCK_WAIT);
                then it fails as busy.
                Exit code: 0 finished, 1 refused (the run was undone), 2 no mailbox could be reached or logged
                in to or was free, 3 partial.""";
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
        return followUp.perform("resume", arguments.has("--json"), console,
                (progress, logins) -> followUp.followUp().resume(wiring.connector(), logins, clock, progress));
    }
}
