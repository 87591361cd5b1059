package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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
    void helpAndVersionOptionsAreTheirCommands() {
        CommandRun help = CommandRun.in(dir, "help");
        for (String option : new String[] {"--help", "-h"}) {
            CommandRun run = CommandRun.in(dir, option);
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(help.out(), run.out());
            assertEquals("", run.err());
        }
        assertEquals(CommandRun.in(dir, "help", "run").out(), CommandRun.in(dir, "--help", "run").out());
        CommandRun version = CommandRun.in(dir, "version");
        for (String option : new String[] {"--version", "-V"}) {
            CommandRun run = CommandRun.in(dir, option);
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(version.out(), run.out());
        }
    }

    @Test
    void anUnknownOptionPrintsOneLineAndTheOverviewAndExits64() {
        CommandRun run = CommandRun.in(dir, "--frobnicate");
        assertEquals(64, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals("mailrules: unknown option '--frobnicate'\n\n" + CommandRun.in(dir, "help").out(), run.err());
    }

    @Test
    void theOverviewListsTheTopLevelAndWorkbenchOptions() {
        String overview = CommandRun.in(dir, "help").out();
        assertTrue(overview.contains("\n  -h, --help                  print this overview (as 'help')\n"), overview);
        assertTrue(overview.contains("\n  -V, --version               print the version (as 'version')\n"), overview);
        for (String option : new String[] {"-data DIR", "-clean", "-consoleLog", "--demo", "--port N",
            "--screenshot FILE.png", "--exit-after-startup"}) {
            assertTrue(overview.contains("\n  " + option + " "), () -> "no " + option + " in\n" + overview);
        }
    }

    @Test
    void usageTextsAndHintsUseTheNameTheCommandWasInvokedBy() {
        CommandRun overview = CommandRun.invokedAs("./mailrules", dir, "help");
        assertTrue(overview.out().startsWith("Usage: ./mailrules COMMAND [ARGUMENTS]\n"
                + "       ./mailrules [WORKBENCH OPTIONS]"), overview::toString);
        assertTrue(overview.out().contains("\nRun './mailrules help COMMAND' for a command's details.\n"),
                overview::toString);
        CommandRun details = CommandRun.invokedAs("./mailrules", dir, "help", "undo");
        assertTrue(details.out().contains("RUN is a run id from './mailrules runs'"), details::toString);
        assertFalse(details.out().contains("'mailrules "), details::toString);
        CommandRun wrong = CommandRun.invokedAs("./mailrules", dir, "runs", "--frobnicate");
        assertEquals("mailrules runs: unknown option --frobnicate\nUsage: ./mailrules runs [OPTIONS]\n"
                + "Run './mailrules help runs' for details.\n", wrong.err());
    }

    @Test
    void onlyTheCommandsThatLogTakeLogFormat() {
        CommandRun validate = CommandRun.in(dir, "validate", "--log-format", "json", "x.mailrules");
        assertEquals(64, validate.exitCode(), validate::toString);
        assertTrue(validate.err().startsWith("mailrules validate: unknown option --log-format\n"), validate::toString);

        // a wrong --log-format is reported in the default format, text
        CommandRun wrongFormat = CommandRun.in(dir, "run", "x.mailrules", "--log-format", "xml");
        assertEquals(64, wrongFormat.exitCode(), wrongFormat::toString);
        assertEquals(List.of("error usage: --log-format takes text or json, got 'xml'"),
                LogLines.messages(LogLines.text(wrongFormat.err())));
        CommandRun twice = CommandRun.in(dir, "apply", "--log-format=json", "p.json", "--log-format", "text");
        assertEquals(64, twice.exitCode(), twice::toString);
        assertEquals(List.of("error usage: --log-format given twice"), LogLines.messages(LogLines.text(twice.err())));
        CommandRun missing = CommandRun.in(dir, "serve", "x.mailrules", "--log-format");
        assertEquals(64, missing.exitCode(), missing::toString);
        assertEquals(List.of("error usage: --log-format needs a value"),
                LogLines.messages(LogLines.text(missing.err())));

        for (String command : new String[] {"run", "apply", "undo", "resume", "serve"}) {
            assertTrue(CommandRun.in(dir, "help", command).out().contains("  --log-format text|json"), command);
        }
    }

    @Test
    void aCommandThatLogsReportsItsFailureAsALogLineInTheFormatAsked() {
        CommandRun text = CommandRun.in(dir, "run", "missing.mailrules");
        assertEquals(1, text.exitCode(), text::toString);
        assertEquals("", text.out());
        Map<String, String> failed = LogLines.only(LogLines.text(text.err()), "failed");
        assertEquals("error", failed.get("level"));
        assertEquals("run", failed.get("command"));
        assertEquals("cannot read missing.mailrules: no such file", failed.get("message"));
        assertEquals("1", failed.get("exitCode"));

        CommandRun json = CommandRun.in(dir, "undo", "nosuchrun", "--journal", "journal", "--log-format", "json");
        assertEquals(64, json.exitCode(), json::toString);
        List<Map<String, String>> lines = LogLines.json(json.err());
        assertEquals(1, lines.size(), json::toString);
        assertEquals("failed", lines.get(0).get("event"), json::toString);
        assertEquals("undo", lines.get(0).get("command"), json::toString);
        JsonObject object = JsonParser.parseString(json.err()).getAsJsonObject();
        assertEquals(64, object.get("exitCode").getAsJsonPrimitive().getAsInt(), "a number, not a string");
        assertTrue(object.get("exitCode").getAsJsonPrimitive().isNumber(), json::toString);

        CommandRun usage = CommandRun.in(dir, "resume", "--log-format=json");
        Map<String, String> line = LogLines.only(LogLines.json(usage.err()), "usage");
        assertEquals("no run id given", line.get("message"), usage::toString);
        assertEquals("mailrules resume RUN [OPTIONS]", line.get("usage"), usage::toString);
        assertEquals("mailrules help resume", line.get("help"), usage::toString);
    }

    @Test
    void theDiagnosticsOfARulesFileWithErrorsAreLogLinesOfTheirOwn() throws IOException {
        Files.writeString(dir.resolve("bad.mailrules"), """
                rules routing for nobody in "INBOX" {
                    rule r when subject contains "x" then move to "X"
                }
                """);
        List<Map<String, String>> lines = LogLines.json(CommandRun.in(dir, "run", "bad.mailrules", "--log-format",
                "json").err());
        assertEquals(List.of("problem", "failed"), lines.stream().map(line -> line.get("event")).toList());
        assertTrue(lines.get(0).get("message").startsWith("bad.mailrules:1:19: error: "), lines::toString);
        // plan is not one of the commands that log: its diagnostics stay lines for people
        CommandRun plan = CommandRun.in(dir, "plan", "bad.mailrules");
        assertTrue(plan.err().startsWith("bad.mailrules:1:19: error: "), plan::toString);
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
