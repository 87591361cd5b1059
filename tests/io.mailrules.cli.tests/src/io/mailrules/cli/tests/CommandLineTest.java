package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.cli.Commands;
import io.mailrules.cli.Console;
import io.mailrules.cli.Main;

/** Dispatch, usage, {@code version} and {@code lsp}: what a user sees and the exit codes scripts branch on. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void versionNamesTheReleaseAndTheJavaRuntime() {
        CommandRun run = CommandRun.in(dir, "version");
        assertEquals(0, run.exitCode(), run::toString);
        String[] lines = run.out().split("\n");
        assertEquals(2, lines.length, run::toString);
        assertTrue(Pattern.matches("mailrules 0\\.1\\.0 \\((build \\w+|development build)\\)", lines[0]), run::toString);
        assertTrue(lines[1].startsWith("Java " + Runtime.version().feature()), run::toString);
        assertEquals("", run.err());
    }

    @Test
    void helpListsEveryCommandOnStandardOutput() {
        CommandRun run = CommandRun.in(dir, "help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Usage: mailrules COMMAND [ARGUMENTS]\n"), run::toString);
        for (String line : new String[] {
                "  validate FILE...            check rule files and the files they import, as the editor does",
                "  plan FILE [OPTIONS]         dry run: show which message each rule would move where",
                "  apply PLAN.json [OPTIONS]   apply a plan saved with 'plan -o'",
                "  run FILE [OPTIONS]          plan and apply the rules in one go",
                "  runs [OPTIONS]              list the runs in the journal",
                "  status [FILE] [OPTIONS]     per mailbox: login, capabilities, messages per folder, quota, last run",
                "  serve FILE [OPTIONS]        run the file's schedules until stopped",
                "  demo [OPTIONS]              start a demo IMAP server with generated mail and write sample rules",
                "  lsp                         run the language server",
                "  version                     print the version",
                "  help [COMMAND]              print this overview" }) {
            assertTrue(run.out().contains(line), () -> "missing '" + line + "' in\n" + run.out());
        }
        assertTrue(run.out().contains("Exit codes: 0 ok, 1 rule errors, 2 connection or authentication errors, "
                + "3 partial run,"), run::toString);
    }

    @Test
    void helpForOneCommandShowsItsUsageAndDetails() {
        CommandRun run = CommandRun.in(dir, "help", "validate");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Usage: mailrules validate FILE...\n\ncheck rule files"), run::toString);
        assertTrue(run.out().contains("FILE:LINE:COLUMN: error|warning|info: MESSAGE"), run::toString);
        assertEquals(run.out(), CommandRun.in(dir, "validate", "--help").out());
    }

    @Test
    void unknownCommandPrintsTheUsageOnStandardErrorAndExits64() {
        CommandRun run = CommandRun.in(dir, "frobnicate", "x");
        assertEquals(64, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("mailrules: unknown command 'frobnicate'\n\nUsage: mailrules COMMAND"),
                run::toString);
    }

    @Test
    void noCommandPrintsTheUsageAndExits64() {
        CommandRun run = CommandRun.in(dir);
        assertEquals(64, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("Usage: mailrules COMMAND"), run::toString);
    }

    @Test
    void helpForAnUnknownCommandIsAUsageError() {
        CommandRun run = CommandRun.in(dir, "help", "frobnicate");
        assertEquals(64, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("mailrules help: unknown command 'frobnicate'\n"), run::toString);
    }

    @Test
    void languageServerAnswersInitializeOnStandardOutput() throws Exception {
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(client, 1 << 16);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Console console = new Console(stdin, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), dir);
        CompletableFuture<Integer> exitCode = CompletableFuture
                .supplyAsync(() -> new Main(Commands.standard()).run(new String[] { "lsp" }, console));

        frame(client, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                + "\"rootUri\":\"" + dir.toUri() + "\",\"capabilities\":{}}}");
        String answer = awaitOutput(stdout, "\"capabilities\"");
        assertTrue(answer.startsWith("Content-Length: "), answer);
        assertTrue(answer.contains("\"id\":1,\"result\":{\"capabilities\":{"), answer);
        assertTrue(answer.contains("\"completionProvider\""), answer);

        frame(client, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        awaitOutput(stdout, "\"id\":2");
        // An 'exit' notification would end the JVM, so this client goes away by closing the stream instead.
        client.close();
        assertEquals(0, exitCode.get(30, TimeUnit.SECONDS));
    }

    private static String awaitOutput(ByteArrayOutputStream stdout, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String text = stdout.toString(StandardCharsets.UTF_8);
            if (text.contains(expected)) {
                return text;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + expected + " within 30 s; output: " + stdout.toString(StandardCharsets.UTF_8));
    }

    private static void frame(OutputStream to, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        to.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        to.write(body);
        to.flush();
    }
}
