package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailrules demo} without a display: a process of its own that serves the demo mailboxes, writes the sample
 * rules and says how to use them, against which the printed commands work, and that stops cleanly on SIGTERM.
 */
class DemoCommandTest {

    private static final Pattern SERVER = Pattern.compile("IMAP server on 127\\.0\\.0\\.1:(\\d+) ");

    @TempDir
    Path work;

    private Map<String, String> environment() {
        return Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "HOME",
                work.resolve("home").toString(), "MAILRULES_JOURNAL", work.resolve("journal").toString(),
                "MAILRULES_DEMO_PASSWORD", "demo", "TZ", "UTC");
    }

    private static String awaitInstructions(Process demo, Path out, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String printed = Files.readString(out);
            if (printed.contains("Press Ctrl-C to stop the demo server.")) {
                return printed;
            }
            if (!demo.isAlive()) {
                throw new AssertionError("demo ended with " + demo.exitValue() + ":\n" + printed
                        + Files.readString(err));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("demo printed no instructions in time:\n" + Files.readString(out)
                + Files.readString(err));
    }

    @Test
    void theHeadlessDemoServesTheSampleRulesUntilSigterm() throws Exception {
        Path out = work.resolve("demo.out");
        Path err = work.resolve("demo.err");
        Process demo = CliProcess.start(work, environment(), out, err, "demo", "--dir", "try-it");
        try {
            String printed = awaitInstructions(demo, out, err);
            Matcher server = SERVER.matcher(printed);
            assertTrue(server.find(), printed);
            assertTrue(printed.contains("Sample rules: try-it/sales-demo.mailrules\n"), printed);
            assertTrue(printed.contains("  export MAILRULES_DEMO_PASSWORD=demo\n"), printed);
            assertTrue(printed.contains("  mailrules plan try-it/sales-demo.mailrules "), printed);
            assertTrue(printed.contains("  mailrules undo RUN "), printed);
            assertTrue(Files.readString(work.resolve("try-it/sales-demo.mailrules"))
                    .contains("port " + server.group(1) + " plain insecure"));

            // the printed command works against the running server
            CommandRun plan = CommandRun.in(work, environment(), Clock.systemUTC(), "plan",
                    "try-it/sales-demo.mailrules");
            assertEquals(0, plan.exitCode(), plan.toString());
            assertTrue(plan.out().contains("Mailbox ana (127.0.0.1): "), plan.toString());
            assertTrue(plan.out().contains("Mailbox ben (127.0.0.1): "), plan.toString());

            demo.destroy(); // SIGTERM
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, demo.exitValue(), Files.readString(err));
            assertTrue(Files.readString(err).contains("Demo server stopped; its mailboxes are gone."),
                    Files.readString(err));
        } finally {
            demo.destroyForcibly();
        }
    }

    @Test
    void aTakenPortOrAWrongOptionIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CommandRun run = CommandRun.in(work, environment(), Clock.systemUTC(), "demo", "--port",
                    Integer.toString(taken.getLocalPort()), "--dir", "d");
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("mailrules demo: cannot start the demo IMAP server on 127.0.0.1: "),
                    run.toString());
        }
        CommandRun port = CommandRun.in(work, environment(), Clock.systemUTC(), "demo", "--port", "70000");
        assertEquals(64, port.exitCode(), port.toString());
        assertTrue(port.err().startsWith("mailrules demo: --port needs a number from 0 (a free port) to 65535, got"
                + " '70000'\n"), port.toString());
        CommandRun operand = CommandRun.in(work, environment(), Clock.systemUTC(), "demo", "rules.mailrules");
        assertEquals(64, operand.exitCode(), operand.toString());
        assertTrue(operand.err().startsWith("mailrules demo: takes no operands, got rules.mailrules\n"),
                operand.toString());

        Files.writeString(work.resolve("file"), "not a directory");
        CommandRun directory = CommandRun.in(work, environment(), Clock.systemUTC(), "demo", "--dir", "file");
        assertEquals(1, directory.exitCode(), directory.toString());
        assertTrue(directory.err().startsWith("mailrules demo: cannot write the demo files to file: "),
                directory.toString());
    }
}
