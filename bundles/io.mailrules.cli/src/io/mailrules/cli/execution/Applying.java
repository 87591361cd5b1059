package io.mailrules.cli.execution;

import java.io.IOException;

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
        if (plan.batches().isEmpty() && plan.foldersToCreate().isEmpty()) {
            console.log().info("nothingToDo", "message", "the plan has no batches and no folders to create");
            return ExitCode.OK;
        }
        ProgressReporter progress = ProgressReporter.of(plan, console);
        // Closed only after the result is printed: a Ctrl-C waits until the user has seen what was done.
        try (CancelOnShutdown cancel = new CancelOnShutdown(progress, console.log())) {
            RunResult result;
            try {
                result = wiring.apply(plan, logins, journals, progress);
            } catch (IOException e) {
                progress.endLine();
                throw new CommandFailedException(ExitCode.PARTIAL_RUN, "cannot write the journal in "
                        + journals.directory() + ": " + e.getMessage() + "; the run stopped before its next batch");
            }
            progress.endLine();
            if (json) {
                RunPrinter.printJson(result, console.out());
            } else {
                RunPrinter.print(result, console.out());
            }
            console.log().info("journal", "command", "apply", "run", result.runId().value(), "directory",
                    journals.directory(), "message", "'" + console.command("runs") + "' lists it");
            return RunExitCode.of(result);
        }
    }
}
