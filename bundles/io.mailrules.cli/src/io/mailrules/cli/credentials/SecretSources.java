package io.mailrules.cli.credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.mailrules.cli.Console;
import io.mailrules.dsl.mailrules.SecretSource;

/**
 * Turns a rules file's {@code from env|command|secret "..."} into the secret, without a display or keyring: an
 * environment variable, the first line a shell command prints, or an entry of the {@link CredentialsFile}.
 */
public final class SecretSources {

    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Console console;
    private final CredentialsFile credentialsFile;

    public SecretSources(Console console, CredentialsFile credentialsFile) {
        this.console = console;
        this.credentialsFile = credentialsFile;
    }

    public String resolve(SecretSource source) throws CredentialsProblem {
        String reference = source.getReference();
        return switch (source.getKind()) {
            case ENV -> console.variable(reference).orElseThrow(() -> new CredentialsProblem(
                    "environment variable " + reference + " is not set"));
            case COMMAND -> run(reference);
            case SECRET -> credentialsFile.secret(reference);
        };
    }

    private String run(String command) throws CredentialsProblem {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(console.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(console.environment());
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
