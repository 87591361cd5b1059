package io.mailrules.logins;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.mailrules.dsl.mailrules.SecretSource;

/**
 * Turns a rules file's {@code from env|command|secret "..."} into the secret, without a display or keyring: an
 * environment variable, the first line a shell command prints, or an entry of the {@link CredentialsFile}.
 */
public final class SecretSources {

    private final Map<String, String> environment;
    private final SecretCommand commands;
    private final CredentialsFile credentialsFile;

    /**
     * @param environment the variables {@code from env} reads and {@code from command} runs with
     * @param workingDirectory where {@code from command} runs
     */
    public SecretSources(Map<String, String> environment, Path workingDirectory, CredentialsFile credentialsFile) {
        this(environment, workingDirectory, credentialsFile, SecretCommand.DEFAULT_TIMEOUT);
    }

    /** @param commandTimeout how long {@code from command} may take before it is stopped with all it started */
    public SecretSources(Map<String, String> environment, Path workingDirectory, CredentialsFile credentialsFile,
            Duration commandTimeout) {
        this.environment = Map.copyOf(environment);
        this.commands = new SecretCommand(environment, workingDirectory, commandTimeout);
        this.credentialsFile = credentialsFile;
    }

    /** The process's own environment and working directory, as a desktop application started from a shell sees them. */
    public static SecretSources ofProcess() {
        Map<String, String> environment = System.getenv();
        return new SecretSources(environment, Path.of("").toAbsolutePath(), CredentialsFile.of(environment));
    }

    public String resolve(SecretSource source) throws CredentialsProblem {
        String reference = source.getReference();
        return switch (source.getKind()) {
            case ENV -> variable(reference).orElseThrow(() -> new CredentialsProblem(
                    "environment variable " + reference + " is not set"));
            case COMMAND -> commands.firstLine(reference);
            case SECRET -> credentialsFile.secret(reference);
        };
    }

    // Unset and empty are the same, as in most shells' ${VAR:-...}.
    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }
}
