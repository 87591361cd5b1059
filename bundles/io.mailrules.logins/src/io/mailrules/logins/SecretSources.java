package io.mailrules.logins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.mailrules.dsl.mailrules.SecretSource;

/**
 * Turns a rules file's {@code from env|command|secret "..."} into the secret, without a display or keyring: an
 * environment variable, the first line a shell command prints, or an entry of the {@link CredentialsFile}.
 */
public final class SecretSources {

    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final CredentialsFile credentialsFile;

    /**
     * @param environment the variables {@code from env} reads and {@code from command} runs with
     * @param workingDirectory where {@code from command} runs
     */
    public SecretSources(Map<String, String> environment, Path workingDirectory, CredentialsFile credentialsFile) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
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
            case COMMAND -> run(reference);
            case SECRET -> credentialsFile.secret(reference);
        };
    }

    // Unset and empty are the same, as in most shells' ${VAR:-...}.
    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }

    private String run(String command) throws CredentialsProblem {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            // The secret must not wait for typed input that never comes (a prompt would hang a scheduled run).
            process.getOutputStream().close();
            // Both pipes are drained at once, so a command writing much to one cannot block on the other.
            CompletableFuture<String> errorOutput = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String firstLine = firstLine(process.getInputStream());
            String errors = errorOutput.join().strip();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CredentialsProblem("command `" + command + "` did not finish within "
                        + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new CredentialsProblem("command `" + command + "` exited with " + process.exitValue()
                        + (errors.isEmpty() ? "" : ": " + errors.lines().findFirst().orElse("")));
            }
            if (firstLine == null || firstLine.isEmpty()) {
                throw new CredentialsProblem("command `" + command + "` printed no secret");
            }
            return firstLine;
        } catch (IOException e) {
            throw new CredentialsProblem("cannot run command `" + command + "`: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialsProblem("interrupted while running command `" + command + "`");
        }
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    // The rest of the output is drained so that the command does not fail writing it.
    private static String firstLine(InputStream output) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            while (reader.readLine() != null) {
                // drain
            }
            return first;
        }
    }
}
