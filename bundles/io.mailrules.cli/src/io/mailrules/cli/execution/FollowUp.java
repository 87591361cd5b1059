package io.mailrules.cli.execution;

import java.io.IOException;
import java.util.Optional;

import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.output.RunPrinter;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunLookupException;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunResult;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.RunRefusedException;

/**
 * What {@code undo} and {@code resume} share: find the run the user named (a prefix of its id will do), take the
 * logins from the rules file its stored plan names, and report the follow-up run like any other.
 */
public final class FollowUp {

    private final JournalStore journals;
    private final RunId run;
    private final Plan plan;
    private final MailboxLogins logins;

    private FollowUp(JournalStore journals, RunId run, Plan plan, MailboxLogins logins) {
        this.journals = journals;
        this.run = run;
        this.plan = plan;
        this.logins = logins;
    }

    public static FollowUp of(String typedRun, Optional<String> rulesOption, JournalStore journals, Console console)
            throws CommandFailedException {
        try {
            RunId run = journals.resolve(typedRun);
            Plan plan = journals.plan(run).orElseThrow(() -> new CommandFailedException(ExitCode.RULE_ERRORS,
                    "run " + run + " has no stored plan (it was journaled by an older version); nothing was changed"));
            String rulesFile = rulesOption.orElse(plan.source().file());
            return new FollowUp(journals, run, plan, RulesInUse.load(rulesFile, console).logins());
        } catch (RunLookupException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage());
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, "cannot read the journal in "
                    + journals.directory() + ": " + e.getMessage());
        }
    }

    public RunId run() {
        return run;
    }

    public MailboxLogins logins() {
        return logins;
    }

    /** A refused follow-up (an undo of an undo, a second undo, a resume of an undone run) changes nothing. */
    @FunctionalInterface
    public interface Action {
        RunResult perform(ProgressReporter progress) throws Exception;
    }

    public int perform(String command, boolean json, Console console, Action action) throws CommandFailedException {
        ProgressReporter progress = new ProgressReporter(plan, console.err(), console.terminal());
        try (CancelOnShutdown cancel = new CancelOnShutdown(progress, console.err())) {
            RunResult result;
            try {
                result = action.perform(progress);
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
            console.err().println("Journal of " + command + " run " + result.runId() + " in " + journals.directory()
                    + "; 'mailrules runs' lists it");
            return RunExitCode.of(result);
        }
    }
}
