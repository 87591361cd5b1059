package io.mailrules.cli.commands;

import java.util.ArrayList;
import java.util.List;

import io.mailrules.cli.Command;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.UsageException;
import io.mailrules.cli.validate.Diagnostic;
import io.mailrules.cli.validate.RuleFileValidator;
import io.mailrules.cli.validate.ValidationResult;

/** {@code mailrules validate FILE...}: the editor's checks, for CI and pre-commit hooks. */
public final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String arguments() {
        return "FILE...";
    }

    @Override
    public String summary() {
        return "check rule files and the files they import, as the editor does";
    }

    @Override
    public String details() {
        return """
                Prints each problem on standard output as
                    FILE:LINE:COLUMN: error|warning|info: MESSAGE
                sorted by file, line and column, and a count on standard error. Prints nothing when every file
                is clean. Relative paths are relative to the current directory and stay relative in the output;
                imported files are named relative to the file that imports them.

                Exit code: 0 when there are no errors (warnings allowed), 1 when a file has errors or cannot be
                read.""";
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        List<String> files = files(args);
        ValidationResult result = RuleFileValidator.create().validate(files, console);
        for (String message : result.unreadable()) {
            console.err().println("mailrules validate: " + message);
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            console.out().println(diagnostic.format());
        }
        if (!result.summary().isEmpty()) {
            console.err().println(result.summary());
        }
        return result.hasErrors() ? ExitCode.RULE_ERRORS : ExitCode.OK;
    }

    // Options are reserved for later (e.g. --json), so a leading dash is refused rather than read as a file;
    // after "--" every argument is a file.
    private static List<String> files(List<String> args) throws UsageException {
        List<String> files = new ArrayList<>();
        boolean optionsEnded = false;
        for (String arg : args) {
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option " + arg);
            } else {
                files.add(arg);
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("no file given");
        }
        return files;
    }
}
