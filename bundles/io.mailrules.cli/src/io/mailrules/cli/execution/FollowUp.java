package io.mailrules.cli.execution;

import java.io.IOException;
import java.util.Optional;

import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.UsageException;
import io.mailrules.cli.output.RunPrinter;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunLookupException;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunResult;
import io.mailrules.imap.LockingLogins;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.RunFollowUp;
import io.mailrules.imap.RunRefusedException;

/**
 * What {@code undo} and {@code resume} share: find the run the user named (a prefix of its id will do), take the
 * logins from the rules file its stored plan names, and report the follow-up run like any other.
 */
public final class FollowUp {

    private final JournalStore journals;
    private final RunFollowUp followUp;
    private final Plan plan;
    private final MailboxLogins logins;

    private FollowUp(JournalStore journals, RunFollowUp followUp, Plan plan, MailboxLogins logins) {
        this.journals = journals;
        this.followUp = followUp;
        this.plan = plan;
        this.logins = logins;
    }

    public static FollowUp of(String typedRun, Optional<String> rulesOption, JournalStore journals, Console console)
            throws CommandFailedException {
        try {
            RunId run = journals.resolve(typedRun);
            RunFollowUp followUp = RunFollowUp.of(journals, run);
            String rulesFile = rulesOption.orElse(followUp.rulesFile());
            return new FollowUp(journals, followUp, followUp.plan(), RulesInUse.load(rulesFile, console).logins());
        } catch (RunRefusedException e) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, e.getMessage());
        } catch (RunLookupException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage());
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, "cannot read the journal in "
                    + journals.directory() + ": " + e.getMessage());
        }
    }

    public RunId run() {
        return followUp.run();
    }

    /** The shared undo and resume, with this command's logins. */
    public RunFollowUp followUp() {
        return followUp;
    }

    /** A refused follow-up (an undo of an undo, a second undo, a resume of an undone run) changes nothing. */
    @FunctionalInterface
    public interface Action {
        /** @param logins the rules file's logins, taking each mailbox's lock at its first login */
        RunResult perform(ProgressReporter progress, MailboxLogins logins) throws Exception;
    }

    /** The follow-up, holding the lock of each mailbox of the run from its first login to the end. */
    public int perform(String command, boolean json, Console console, Action action)
            throws CommandFailedException, UsageException {
        ProgressReporter progress = ProgressReporter.of(plan, console);
        try (CancelOnShutdown cancel = new CancelOnShutdown(progress, console.log());
                LockingLogins locked = new LockingLogins(logins, AccountLocks.of(console, command))) {
            RunResult result;
            try {
                result = action.perform(progress, locked);
            } catch (RunRefusedException e) {
                progress.endLine();
                throw new CommandFailedException(ExitCode.RULE_ERRORS, e.getMessage());
            } catch (IOException e) {
                progress.endLine();
                throw new CommandFailedException(ExitCode.PARTIAL_RUN, "cannot write the journal in "
                        + journals.directory() + ": " + e.getMessage() + "; the " + command + " stopped before its next batch");
            } catch (CommandFailedException e) {
                throw e;
            } catch (Exception e) {
                progress.endLine();
                throw new CommandFailedException(ExitCode.CONNECTION_OR_AUTH, e.getMessage());
            }
            progress.endLine();
            if (json) {
                RunPrinter.printJson(result, console.out());
            } else {
                RunPrinter.print(result, console.out());
            }
            console.log().info("journal", "command", command, "run", result.runId().value(), "directory",
                    journals.directory(), "message", "'" + console.command("runs") + "' lists it");
            return RunExitCode.of(result);
        }
    }
}
