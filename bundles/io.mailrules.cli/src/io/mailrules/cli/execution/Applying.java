package io.mailrules.cli.execution;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.output.RunPrinter;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunResult;
import io.mailrules.imap.MailboxLogins;

/**
 * Applying a plan, shared by {@code apply} and {@code run}: progress on standard error, Ctrl-C finishing the batch
 * in flight, the result on standard output, the exit code from the run's outcome.
 */
public final class Applying {

    private Applying() {
    }

    public static int apply(MailWiring wiring, Plan plan, MailboxLogins logins, JournalStore journals, boolean json,
            Console console) throws CommandFailedException {
        return apply(wiring, plan, logins, journals, json, console, result -> {
        });
    }

    /**
     * @param afterRun told what the run did before its result is printed; empty when the plan had nothing to send
     */
    public static int apply(MailWiring wiring, Plan plan, MailboxLogins logins, JournalStore journals, boolean json,
            Console console, Consumer<Optional<RunResult>> afterRun) throws CommandFailedException {
        if (plan.batches().isEmpty() && plan.foldersToCreate().isEmpty()) {
            afterRun.accept(Optional.empty());
            console.err().println("Nothing to do: the plan has no batches and no folders to create.");
            return ExitCode.OK;
        }
        ProgressReporter progress = new ProgressReporter(plan, console.err(), console.terminal());
        // Closed only after the result is printed: a Ctrl-C waits until the user has seen what was done.
        try (CancelOnShutdown cancel = new CancelOnShutdown(progress, console.err())) {
            RunResult result;
            try {
                result = wiring.apply(plan, logins, journals, progress);
            } catch (IOException e) {
                progress.endLine();
                throw new CommandFailedException(ExitCode.PARTIAL_RUN, "cannot write the journal in "
                        + journals.directory() + ": " + e.getMessage() + "; the run stopped before its next batch");
            }
            progress.endLine();
            afterRun.accept(Optional.of(result));
            if (json) {
                RunPrinter.printJson(result, console.out());
            } else {
                RunPrinter.print(result, console.out());
            }
            console.err().println("Journal of run " + result.runId() + " in " + journals.directory()
                    + "; 'mailrules runs' lists it");
            return RunExitCode.of(result);
        }
    }
}
