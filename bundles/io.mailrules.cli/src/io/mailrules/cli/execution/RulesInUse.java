package io.mailrules.cli.execution;

import java.io.IOException;
import java.nio.file.Files;

import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.validate.Diagnostic;
import io.mailrules.cli.validate.LoadedRules;
import io.mailrules.cli.validate.RuleFileValidator;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.logins.CredentialsFile;
import io.mailrules.logins.RulesFileLogins;
import io.mailrules.logins.SecretSources;

/**
 * A rules file that passed every check of {@code validate}, ready to plan or to log in with: its model, its digest
 * and the logins of its mailboxes. A file with errors is never planned or run; its diagnostics go to standard error.
 *
 * @param source the file's absolute path and SHA-256: a saved plan names the file its logins come from, wherever
 *        {@code apply} is started
 */
public record RulesInUse(String typedPath, Model model, SourceRef source, RulesFileLogins logins) {

    public static RulesInUse load(String typedPath, Console console) throws CommandFailedException {
        LoadedRules loaded = RuleFileValidator.create().load(typedPath, console);
        if (!loaded.validation().unreadable().isEmpty()) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, String.join("; ", loaded.validation().unreadable()));
        }
        if (loaded.model().isEmpty()) {
            for (Diagnostic diagnostic : loaded.validation().diagnostics()) {
                console.err().println(diagnostic.format());
            }
            throw new CommandFailedException(ExitCode.RULE_ERRORS, typedPath + " has errors ("
                    + loaded.validation().summary() + "); nothing was planned or changed");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(loaded.file());
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, "cannot read " + typedPath + ": " + e.getMessage());
        }
        Model model = loaded.model().get();
        SecretSources secrets = new SecretSources(console.environment(), console.workingDirectory(),
                CredentialsFile.of(console.environment()));
        return new RulesInUse(typedPath, model, SourceRef.of(loaded.file().toString(), content),
                new RulesFileLogins(model, secrets));
    }
}
