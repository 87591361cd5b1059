package io.mailrules.cli.execution;

import java.nio.file.Path;
import java.util.Optional;

import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.log.LogLevel;
import io.mailrules.cli.validate.Diagnostic;
import io.mailrules.cli.validate.LoadedRules;
import io.mailrules.cli.validate.RuleFileValidator;
import io.mailrules.cli.validate.ValidatedModels;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.logins.CredentialsFile;
import io.mailrules.logins.RulesFileLogins;
import io.mailrules.logins.SecretSources;

/**
 * A rules file that passed every check of {@code validate}, ready to plan or to log in with: its model, its digest
 * and the logins of its mailboxes. A file with errors is never planned or run; its diagnostics go to standard error with the failure.
 *
 * @param source the file's absolute path and SHA-256: a saved plan names the file its logins come from, wherever
 *        {@code apply} is started
 */
public record RulesInUse(String typedPath, Model model, SourceRef source, RulesFileLogins logins) {

    /** The file's model, from the cache of validated models when the file and its imports are unchanged. */
    public static RulesInUse load(String typedPath, Console console) throws CommandFailedException {
        return load(typedPath, console, ValidatedModels.of(console));
    }

    /**
     * The file's model parsed afresh, with the source positions that messages naming a line of the file need
     * (cached models have none).
     */
    public static RulesInUse loadWithPositions(String typedPath, Console console) throws CommandFailedException {
        return load(typedPath, console, ValidatedModels.NONE);
    }

    /** @param validated where models of files that passed validation are looked up first, and kept */
    public static RulesInUse load(String typedPath, Console console, ValidatedModels validated)
            throws CommandFailedException {
        Path file = console.resolve(typedPath);
        Optional<ValidatedModels.Found> found = validated.find(file);
        if (found.isPresent()) {
            return of(typedPath, file, found.get().model(), found.get().content(), console);
        }
        LoadedRules loaded = RuleFileValidator.create().load(typedPath, console);
        if (!loaded.validation().unreadable().isEmpty()) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, String.join("; ", loaded.validation().unreadable()));
        }
        if (loaded.model().isEmpty()) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, typedPath + " has errors ("
                    + loaded.validation().summary() + "); nothing was planned or changed",
                    loaded.validation().diagnostics().stream().map(RulesInUse::problem).toList());
        }
        Model model = loaded.model().get();
        byte[] content = loaded.contents().get(model.eResource().getURI());
        if (content == null) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, "cannot read " + typedPath);
        }
        validated.remember(file, model.eResource().getResourceSet().getResources(), loaded.contents());
        return of(typedPath, loaded.file(), model, content, console);
    }

    private static CommandFailedException.Problem problem(Diagnostic diagnostic) {
        LogLevel level = switch (diagnostic.severity()) {
            case ERROR -> LogLevel.ERROR;
            case WARNING -> LogLevel.WARN;
            default -> LogLevel.INFO;
        };
        return new CommandFailedException.Problem(level, diagnostic.format());
    }

    private static RulesInUse of(String typedPath, Path file, Model model, byte[] content, Console console) {
        SecretSources secrets = new SecretSources(console.environment(), console.workingDirectory(),
                CredentialsFile.of(console.environment()));
        return new RulesInUse(typedPath, model, SourceRef.of(file.toString(), content),
                new RulesFileLogins(model, secrets));
    }
}
