package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.cli.ExitCode;
import io.mailrules.cli.tests.FakeInstallation.Launch;

/**
 * How the launcher gives each headless command a class archive: the first run records, an archive is built from
 * the record once the run has done all its usual work, later runs use it; on Java 25+ as an AOT cache, before that as an
 * AppCDS archive. The JVM is a stand-in ({@link FakeInstallation}); the product smoke test does it with a real one.
 */
class LauncherArchiveTest {

    @TempDir
    Path root;

    @Test
    void onJava21AFirstRunDumpsItsClassListAndLaterRunsUseTheAppCdsArchiveBuiltFromIt() throws Exception {
        firstRunRecordsAndLaterRunsUseTheArchive(21, "-XX:DumpLoadedClassList=", "-XX:SharedArchiveFile=");
    }

    @Test
    void onJava25AFirstRunRecordsAnAotConfigurationAndLaterRunsUseTheAotCacheBuiltFromIt() throws Exception {
        firstRunRecordsAndLaterRunsUseTheArchive(25, "-XX:AOTConfiguration=", "-XX:AOTCache=");
    }

    @Test
    void aRunThatStoppedEarlyLeavesNoRecordAndNoArchiveSoTheNextRunRecordsAgain() throws Exception {
        FakeInstallation installation = new FakeInstallation(root.resolve("installation"), 21);
        Path folder = null;
        for (int exitCode : List.of(ExitCode.USAGE, ExitCode.CONNECTION_OR_AUTH)) {
            Launch stopped = installation.launch(exitingWith(exitCode), "run", "rules.mailrules");
            assertEquals(exitCode, stopped.exitCode(), stopped.output());
            folder = Path.of(option(stopped.output(), "-XX:DumpLoadedClassList=")).getParent();
            Thread.sleep(300);
            assertEquals(List.of(), filesIn(folder));
        }

        Launch next = installation.launch(home(), "run", "rules.mailrules");
        assertEquals(0, next.exitCode(), next.output());
        assertTrue(next.output().contains("-XX:DumpLoadedClassList="), next.output());
        awaitFiles(folder, "run.jsa");
    }

    @Test
    void aValidateThatFoundErrorsDidItsWorkAndLeavesAnArchive() throws Exception {
        FakeInstallation installation = new FakeInstallation(root.resolve("installation"), 25);
        Launch errors = installation.launch(exitingWith(ExitCode.RULE_ERRORS), "validate", "broken.mailrules");
        assertEquals(ExitCode.RULE_ERRORS, errors.exitCode(), errors.output());
        awaitFiles(Path.of(option(errors.output(), "-XX:AOTConfiguration=")).getParent(), "validate.jsa");
    }

    @Test
    void aBuildThatFailedIsNotTriedAgainSoonerThanADayLater() throws Exception {
        FakeInstallation installation = new FakeInstallation(root.resolve("installation"), 21);
        Map<String, String> environment = new HashMap<>(home());
        environment.put("FAKE_BUILD_EXIT", "1");
        Launch first = installation.launch(environment, "validate", "rules.mailrules");
        Path folder = Path.of(option(first.output(), "-XX:DumpLoadedClassList=")).getParent();
        awaitFiles(folder, "validate.jsa.failed");

        Launch next = installation.launch(home(), "validate", "rules.mailrules");
        assertEquals(0, next.exitCode(), next.output());
        assertFalse(next.output().contains("-XX:DumpLoadedClassList="), next.output());
        assertFalse(next.output().contains("-XX:SharedArchiveFile="), next.output());
    }

    @Test
    void whereNoCacheCanBeWrittenCommandsRunWithoutRecordingOrArchive() throws Exception {
        FakeInstallation installation = new FakeInstallation(root.resolve("installation"), 25);
        Files.writeString(root.resolve("a-file"), "");
        Map<String, String> environment = new HashMap<>(home());
        environment.put("XDG_CACHE_HOME", root.resolve("a-file/cache").toString());
        for (int run = 0; run < 2; run++) {
            Launch launch = installation.launch(environment, "validate", "rules.mailrules");
            assertEquals(0, launch.exitCode(), launch.output());
            assertFalse(launch.output().contains("-XX:AOT"), launch.output());
            assertTrue(launch.output().endsWith(" io.mailrules.cli.Main validate rules.mailrules"), launch.output());
        }
    }

    private void firstRunRecordsAndLaterRunsUseTheArchive(int javaVersion, String record, String use)
            throws Exception {
        FakeInstallation installation = new FakeInstallation(root.resolve("installation"), javaVersion);
        Launch first = installation.launch(home(), "validate", "rules.mailrules");
        assertEquals(0, first.exitCode(), first.output());
        Path recorded = Path.of(option(first.output(), record));
        assertTrue(recorded.startsWith(root.resolve("home/.cache/mailrules/cds")), first.output());
        assertTrue(recorded.getFileName().toString().startsWith("validate.record."), first.output());
        assertFalse(first.output().contains(use), first.output());

        Path archive = recorded.resolveSibling("validate.jsa");
        awaitFiles(archive.getParent(), "validate.jsa");
        Launch later = installation.launch(home(), "validate", "other.mailrules");
        assertEquals(0, later.exitCode(), later.output());
        assertTrue(later.output().contains(use + archive + " "), later.output());
        assertFalse(later.output().contains(record), later.output());
        assertTrue(later.output().endsWith(" io.mailrules.cli.Main validate other.mailrules"), later.output());

        Launch otherCommand = installation.launch(home(), "runs");
        assertTrue(option(otherCommand.output(), record).contains("/runs.record."), otherCommand.output());
        awaitFiles(archive.getParent(), "runs.jsa", "validate.jsa");
    }

    private Map<String, String> home() {
        return Map.of("HOME", root.resolve("home").toString());
    }

    private Map<String, String> exitingWith(int exitCode) {
        Map<String, String> environment = new HashMap<>(home());
        environment.put("FAKE_JAVA_EXIT", Integer.toString(exitCode));
        return environment;
    }

    private static String option(String commandLine, String name) {
        return Arrays.stream(commandLine.split(" ")).filter(arg -> arg.startsWith(name)).findFirst()
                .map(arg -> arg.substring(name.length()))
                .orElseThrow(() -> new AssertionError("no " + name + " in: " + commandLine));
    }

    /** Waits for the background builds: their archives there, the records they were built from gone. */
    private static void awaitFiles(Path folder, String... names) throws Exception {
        List<String> expected = List.of(names);
        for (int i = 0; i < 200 && !filesIn(folder).equals(expected); i++) {
            Thread.sleep(50);
        }
        assertEquals(expected, filesIn(folder));
    }

    private static List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
