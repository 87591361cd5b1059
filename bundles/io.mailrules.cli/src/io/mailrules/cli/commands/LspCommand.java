package io.mailrules.cli.commands;

import java.util.List;

import io.mailrules.cli.Command;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.UsageException;
import io.mailrules.dsl.ide.server.MailrulesLanguageServer;

/** {@code mailrules lsp}: the language server for editors, speaking LSP over standard input and output. */
public final class LspCommand implements Command {

    @Override
    public String name() {
        return "lsp";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "run the language server (LSP over standard input and output) for an editor";
    }

    @Override
    public String details() {
        return """
                Configure your editor to start 'mailrules lsp' for *.mailrules files. The server diagnoses,
                completes, formats and offers quick fixes like the workbench editor; it runs until the editor
                sends 'exit' or closes standard input. Messages for people go to standard error.""";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments");
        }
        // Completes when the client closes the stream; an LSP 'exit' notification ends the process directly.
        new MailrulesLanguageServer().start(console.in(), console.out()).get();
        return ExitCode.OK;
    }
}
