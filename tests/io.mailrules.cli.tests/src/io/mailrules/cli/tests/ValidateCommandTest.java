package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailrules validate} as a user and CI see it: the lines printed and the exit code. */
class ValidateCommandTest {

    private static final String CLEAN = """
            mailbox sdr1 {
                host "imap.example.com" port 993 tls user "ana@example.com"
                password from secret "sdr1"
            }
            """;
    private static final String INLINE_PASSWORD = """
            mailbox sdr1 {
                host "imap.example.com" port 993 tls user "ana@example.com"
                password "hunter2"
            }
            """;
    private static final String INLINE_PASSWORD_ERROR = "Mailbox 'sdr1' has its password written in the file: "
            + "store it as a secret and use password from secret \"sdr1\"";
    private static final String NO_CREDENTIALS = """
            mailbox sdr2 {
                host "imap.example.com" port 993 tls user "ben@example.com"
            }
            """;
    private static final String NO_CREDENTIALS_WARNING = "Mailbox 'sdr2' has no credentials: "
            + "add password from secret \"sdr2\" or oauth2 token from env \"...\"";

    @TempDir
    Path dir;

    @Test
    void cleanFilePrintsNothingAndExitsZero() throws IOException {
        write("sdr1.mailrules", CLEAN);
        CommandRun run = CommandRun.in(dir, "validate", "sdr1.mailrules");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void errorIsPrintedWithFileLineAndColumnAndExitsOne() throws IOException {
        write("sdr1.mailrules", INLINE_PASSWORD);
        CommandRun run = CommandRun.in(dir, "validate", "sdr1.mailrules");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("sdr1.mailrules:3:14: error: " + INLINE_PASSWORD_ERROR + "\n", run.out());
        assertEquals("1 error in 1 file\n", run.err());
    }

    @Test
    void pathIsPrintedAsTyped() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        write("rules/sdr1.mailrules", INLINE_PASSWORD);
        CommandRun relative = CommandRun.in(dir, "validate", "./rules/../rules/sdr1.mailrules");
        assertTrue(relative.out().startsWith("./rules/../rules/sdr1.mailrules:3:14: error: "), relative::toString);

        String absolute = dir.resolve("rules/sdr1.mailrules").toString();
        CommandRun run = CommandRun.in(Path.of("/"), "validate", absolute);
        assertEquals(absolute + ":3:14: error: " + INLINE_PASSWORD_ERROR + "\n", run.out());
    }

    @Test
    void warningsAloneExitZero() throws IOException {
        write("sdr2.mailrules", NO_CREDENTIALS);
        CommandRun run = CommandRun.in(dir, "validate", "sdr2.mailrules");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("sdr2.mailrules:1:9: warning: " + NO_CREDENTIALS_WARNING + "\n", run.out());
        assertEquals("1 warning in 1 file\n", run.err());
    }

    @Test
    void severalFilesAreReportedTogetherSortedByFileAndLine() throws IOException {
        write("b.mailrules", NO_CREDENTIALS + INLINE_PASSWORD);
        write("a.mailrules", INLINE_PASSWORD);
        write("c.mailrules", CLEAN.replace("sdr1", "sdr3"));
        CommandRun run = CommandRun.in(dir, "validate", "c.mailrules", "b.mailrules", "a.mailrules");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "a.mailrules:3:14: error: " + INLINE_PASSWORD_ERROR,
                "b.mailrules:1:9: warning: " + NO_CREDENTIALS_WARNING,
                "b.mailrules:6:14: error: " + INLINE_PASSWORD_ERROR,
                ""), run.out());
        assertEquals("2 errors, 1 warning in 2 files\n", run.err());
    }

    @Test
    void missingFileIsNamedAndExitsOneWhileTheOthersAreStillChecked() throws IOException {
        write("a.mailrules", INLINE_PASSWORD);
        CommandRun run = CommandRun.in(dir, "validate", "nosuch.mailrules", "a.mailrules");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("a.mailrules:3:14: error: " + INLINE_PASSWORD_ERROR + "\n", run.out());
        assertEquals("mailrules validate: cannot read nosuch.mailrules: no such file\n1 error in 1 file\n", run.err());
    }

    @Test
    void missingFileAloneExitsOne() {
        CommandRun run = CommandRun.in(dir, "validate", "nosuch.mailrules");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals("mailrules validate: cannot read nosuch.mailrules: no such file\n", run.err());
    }

    @Test
    void directoryIsNotARuleFile() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        CommandRun run = CommandRun.in(dir, "validate", "rules");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("mailrules validate: cannot read rules: is a directory\n", run.err());
    }

    @Test
    void importedFilesAreLinkedAndCheckedUnderAPathRelativeToTheImporter() throws IOException {
        Files.createDirectories(dir.resolve("team/shared"));
        write("team/shared/fleet.mailrules", CLEAN + INLINE_PASSWORD.replace("sdr1", "sdr9"));
        write("team/shared/layouts.mailrules", "layout sales { folder \"Bounces\" }\n");
        write("team/routing.mailrules", """
                import "shared/fleet.mailrules"
                import "shared/layouts.mailrules"
                rules routing for sdr1 layout sales in "INBOX" {
                    rule bounces when from contains "mailer-daemon" then move to "Bounces"
                }
                """);
        CommandRun run = CommandRun.in(dir, "validate", "team/routing.mailrules");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("team/shared/fleet.mailrules:7:14: error: " + INLINE_PASSWORD_ERROR.replace("sdr1", "sdr9")
                + "\n", run.out());
    }

    @Test
    void missingImportIsAnErrorAtTheImport() throws IOException {
        write("routing.mailrules", "import \"nosuch.mailrules\"\n" + CLEAN);
        CommandRun run = CommandRun.in(dir, "validate", "routing.mailrules");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("routing.mailrules:1:8: error: cannot read imported file \"nosuch.mailrules\" "
                + "(nosuch.mailrules): no such file\n", run.out());
    }

    @Test
    void syntaxErrorsAreReported() throws IOException {
        write("broken.mailrules", "mailbox {\n");
        CommandRun run = CommandRun.in(dir, "validate", "broken.mailrules");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("broken.mailrules:1:9: error: no viable alternative at input '{'\n"),
                run::toString);
    }

    @Test
    void documentedExamplesHaveNoErrorsOrWarnings() throws IOException {
        List<String> args = new ArrayList<>(List.of("validate"));
        try (Stream<Path> files = Files.list(examplesDir())) {
            files.filter(f -> f.toString().endsWith(".mailrules")).sorted().forEach(f -> args.add(f.toString()));
        }
        assertTrue(args.size() >= 5, "the examples are missing: " + args);
        CommandRun run = CommandRun.in(dir, args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        // what remains are the notes on rules that need a header fetch
        assertTrue(run.out().lines().allMatch(line -> line.contains(": info: ")), run::toString);
        assertTrue(run.err().matches("\\d+ info in \\d+ files?\n"), run::toString);
    }

    @Test
    void withoutFilesItExplainsItsUsage() {
        CommandRun run = CommandRun.in(dir, "validate");
        assertEquals(64, run.exitCode(), run::toString);
        assertEquals("""
                mailrules validate: no file given
                Usage: mailrules validate FILE...
                Run 'mailrules help validate' for details.
                """, run.err());
    }

    @Test
    void unknownOptionIsRefusedButDashDashAllowsOddNames() throws IOException {
        assertEquals(64, CommandRun.in(dir, "validate", "--jsn", "a.mailrules").exitCode());
        write("-odd.mailrules", CLEAN);
        CommandRun run = CommandRun.in(dir, "validate", "--", "-odd.mailrules");
        assertEquals(0, run.exitCode(), run::toString);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static Path examplesDir() {
        String configured = System.getProperty("mailrules.examples.dir");
        return configured != null ? Path.of(configured) : Path.of("../../docs/examples");
    }
}
