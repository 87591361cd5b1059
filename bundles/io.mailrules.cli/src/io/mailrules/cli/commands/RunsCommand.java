package io.mailrules.cli.commands;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.mailrules.cli.Command;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.execution.JournalDirectory;
import io.mailrules.cli.options.Arguments;
import io.mailrules.cli.output.RunsPrinter;
import io.mailrules.core.journal.store.JournalProblem;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistory;

/** {@code mailrules runs}: what was run, newest first, from the journal. */
public final class RunsCommand implements Command {

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String arguments() {
        return "[OPTIONS]";
    }

    @Override
    public String summary() {
        return "list the runs in the journal, newest first";
    }

    @Override
    public String details() {
        return """
                One line per run: id, kind (run, undo, resume), status, start time, mailboxes and its batches
                done, failed and pending (sent without an answer; a resume reconciles them). A journal file that
                cannot be read is named on standard error.

                  --journal DIR   journal directory, as for 'apply'
                  --json          print the runs as a JSON array""";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments arguments = Arguments.parse(args, Set.of("--json"), Set.of("--journal"));
        arguments.requireNoOperands();
        JournalStore journals = JournalDirectory.store(arguments.value("--journal"), console);
        RunHistory history = journals.history();
        RunsPrinter printer = new RunsPrinter(ZoneId.systemDefault());
        if (arguments.has("--json")) {
            printer.printJson(history, console.out());
        } else if (history.runs().isEmpty()) {
            console.err().println("No runs in " + journals.directory() + ".");
        } else {
            printer.print(history, console.out());
        }
        for (JournalProblem problem : history.problems()) {
            console.err().println("mailrules runs: " + problem.message());
        }
        return ExitCode.OK;
    }
}
