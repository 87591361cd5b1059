package io.mailrules.logins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code password from command "..."} and takes the first line it prints, within a time limit that holds
 * whatever the command does: both pipes are drained on threads of their own while the process is waited for (a
 * command that fills one pipe cannot stall), a command has finished only when it has exited and closed its output
 * (as in a shell's {@code $(...)}), so a child left running with the pipe open counts as still running, and on
 * timeout every process it started is killed, not only the shell. Only the first {@link #OUTPUT_LIMIT} bytes of each
 * stream are kept.
 *
 * <p>Where {@code setsid} exists (util-linux, on every Linux), the command runs in a session and process group of
 * its own, so that even a child whose parent already exited, and which {@link ProcessHandle#descendants()} can no
 * longer see, is killed with the group. Without it, the descendants still attached are killed.
 *
 * <p>No message ever quotes what the command printed on its standard output, nor the command beyond its first word:
 * either may carry the secret.
 */
final class SecretCommand {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Far more than any password or token; what a runaway command prints beyond it is read and dropped. */
    static final int OUTPUT_LIMIT = 64 * 1024;
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final int ERROR_LINE_LIMIT = 200;
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Duration timeout;

    SecretCommand(Map<String, String> environment, Path workingDirectory, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout + " must be positive");
        }
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.timeout = timeout;
    }

    String firstLine(String command) throws CredentialsProblem {
        String named = "command `" + firstWord(command) + "`";
        Optional<Path> setsid = SETSID.stream().filter(Files::isExecutable).findFirst();
        List<String> line = new ArrayList<>();
        setsid.ifPresent(path -> line.add(path.toString()));
        line.addAll(List.of("/bin/sh", "-c", command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CredentialsProblem("cannot run " + named + ": " + e.getMessage());
        }
        boolean ownGroup = setsid.isPresent();
        try {
            // The secret must not wait for typed input that never comes (a prompt would hang a scheduled run).
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // A command that already exited closed its end; nothing to tell it.
        }
        Drain output = Drain.start(process.getInputStream(), named + " output");
        Drain errors = Drain.start(process.getErrorStream(), named + " errors");
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean finished;
        try {
            finished = process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)
                    && output.awaitEnd(remaining(deadline)) && errors.awaitEnd(remaining(deadline));
        } catch (InterruptedException e) {
            stop(process, ownGroup, output, errors);
            Thread.currentThread().interrupt();
            throw new CredentialsProblem("interrupted while running " + named + "; it was stopped");
        }
        if (!finished) {
            stop(process, ownGroup, output, errors);
            throw new CredentialsProblem(named + " did not finish within " + seconds(timeout)
                    + " and was stopped, with every process it started"
                    + (output.cut() ? "; it printed more than " + OUTPUT_LIMIT / 1024 + " KiB, of which only the"
                            + " first " + OUTPUT_LIMIT / 1024 + " KiB were kept" : ""));
        }
        if (process.exitValue() != 0) {
            String error = errors.text().strip().lines().findFirst().orElse("");
            throw new CredentialsProblem(named + " exited with " + process.exitValue()
                    + (error.isEmpty() ? "" : ": " + shorten(error)));
        }
        String printed = output.text();
        int end = printed.indexOf('\n');
        if (end < 0 && output.cut()) {
            throw new CredentialsProblem(named + " printed more than " + OUTPUT_LIMIT / 1024
                    + " KiB without a line break; a secret is its first line");
        }
        String first = (end < 0 ? printed : printed.substring(0, end)).replace("\r", "");
        if (first.isEmpty()) {
            throw new CredentialsProblem(named + " printed no secret");
        }
        return first;
    }

    /** What names the command in messages: the program it runs, not its arguments, which may hold a secret. */
    static String firstWord(String command) {
        String stripped = command.strip();
        int space = 0;
        while (space < stripped.length() && !Character.isWhitespace(stripped.charAt(space))
                && ";|&<>()".indexOf(stripped.charAt(space)) < 0) {
            space++;
        }
        return space == 0 ? stripped.isEmpty() ? "" : stripped.substring(0, 1) : stripped.substring(0, space);
    }

    /**
     * Kills the whole tree: its own process group first (reaching children whose parent exited), then every
     * descendant still attached and the process itself, and waits a little for the pipes to close, so no reader
     * thread is left behind on a killed command.
     */
    private static void stop(Process process, boolean ownGroup, Drain output, Drain errors) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (ownGroup) {
            killGroup(process.pid());
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        long deadline = System.nanoTime() + KILL_GRACE.toNanos();
        try {
            process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS);
            output.awaitEnd(remaining(deadline));
            errors.awaitEnd(remaining(deadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Java cannot signal a process group; the shell's kill can, with a negative process id.
    private static void killGroup(long groupId) {
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s KILL -- -\"$1\" 2>/dev/null", "sh",
                    Long.toString(groupId)).redirectErrorStream(true).start();
            kill.getOutputStream().close();
            kill.getInputStream().transferTo(OutputStream.nullOutputStream());
            kill.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // The descendants still attached are killed one by one all the same.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String shorten(String text) {
        return text.length() <= ERROR_LINE_LIMIT ? text : text.substring(0, ERROR_LINE_LIMIT) + "...";
    }

    /** Reads one stream of the command to its end on a daemon thread, keeping the first bytes only. */
    private static final class Drain implements Runnable {
        private final InputStream stream;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile boolean cut;

        private Drain(InputStream stream) {
            this.stream = stream;
        }

        static Drain start(InputStream stream, String name) {
            Drain drain = new Drain(stream);
            Thread.ofPlatform().daemon().name("mailrules-secret-" + name).start(drain);
            return drain;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (stream) {
                for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                    synchronized (kept) {
                        int room = OUTPUT_LIMIT - kept.size();
                        kept.write(buffer, 0, Math.min(room, read));
                        cut |= read > room;
                    }
                }
            } catch (IOException e) {
                // The pipe closed under the reader (the process was killed): what was read is all there is.
            } finally {
                ended.countDown();
            }
        }

        boolean awaitEnd(long nanos) throws InterruptedException {
            return ended.await(nanos, TimeUnit.NANOSECONDS);
        }

        boolean cut() {
            return cut;
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
