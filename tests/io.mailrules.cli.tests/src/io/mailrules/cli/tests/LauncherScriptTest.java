package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.cli.Usage;
import io.mailrules.cli.validate.ValidatedModels;

/**
 * What the product's launcher script does with its arguments: commands go to io.mailrules.cli.Main, the
 * documented workbench options to the workbench, and anything else is refused with exit code 64 before the workbench
 * starts. Most tests use a stand-in {@code java} that prints what it was asked to start (see
 * {@link FakeInstallation}); the ones about what users read run the real commands. Without a HOME there is no class
 * archive to record or use.
 */
class LauncherScriptTest {

    @TempDir
    Path root;

    private FakeInstallation installation;

    @BeforeEach
    void install() throws Exception {
        installation = new FakeInstallation(root, 21);
    }

    private String launch(Map<String, String> display, String... args) throws Exception {
        FakeInstallation.Launch launch = installation.launch(display, args);
        assertEquals(0, launch.exitCode(), launch.output());
        return launch.output();
    }

    private String workbench(String... args) {
        return "-Xmx2g -Dosgi.requiredJavaVersion=21 -jar " + installation.launcher().getParent()
                .resolve("plugins/org.eclipse.equinox.launcher_1.7.0.jar") + " -name Mailrules " + String.join(" ", args);
    }

    /** What the stand-in java was started with for a headless command: Main and its arguments. */
    private static String cli(String launched) {
        return launched.substring(launched.indexOf(" io.mailrules.cli.Main"));
    }

    @Test
    void demoWithADisplayOpensTheWorkbenchInDemoMode() throws Exception {
        assertEquals(workbench("--demo", "--port", "3143"), launch(Map.of("DISPLAY", ":7"), "demo", "--port", "3143"));
        assertEquals(workbench("--demo"), launch(Map.of("WAYLAND_DISPLAY", "wayland-0"), "demo"));
        assertEquals(workbench("--demo", "-data", "ws", "--screenshot", "demo.png"),
                launch(Map.of("DISPLAY", ":7"), "demo", "-data", "ws", "--screenshot", "demo.png"));
    }

    @Test
    void demoWithoutADisplayOrWithHeadlessRunsTheHeadlessCommand() throws Exception {
        String headless = launch(Map.of(), "demo", "--dir", "d");
        assertTrue(headless.endsWith(" io.mailrules.cli.Main demo --dir d"), headless);
        String asked = launch(Map.of("DISPLAY", ":7"), "demo", "--headless", "--port", "3143");
        assertTrue(asked.endsWith(" io.mailrules.cli.Main demo --port 3143"), asked);
    }

    @Test
    void otherCommandsStillGoToTheCommandLineAndNoArgumentsToTheWorkbench() throws Exception {
        String serve = launch(Map.of("DISPLAY", ":7"), "serve", "rules.mailrules");
        assertTrue(serve.endsWith(" io.mailrules.cli.Main serve rules.mailrules"), serve);
        String status = launch(Map.of(), "status");
        assertTrue(status.endsWith(" io.mailrules.cli.Main status"), status);
        assertEquals(workbench().strip(), launch(Map.of("DISPLAY", ":7")));
    }

    @Test
    void headlessCommandsNameTheInstallationsBuildSoThatModelsKeptByAnotherBuildAreNeverUsed() throws Exception {
        String run = launch(Map.of(), "run", "rules.mailrules");
        assertTrue(run.contains(" -D" + ValidatedModels.BUILD_PROPERTY + "=0123456789abcdef "), run);
    }

    @Test
    void helpAndVersionOptionsGoToTheirCommandsNotToTheWorkbench() throws Exception {
        for (String help : new String[] {"--help", "-h", "help"}) {
            assertEquals(" io.mailrules.cli.Main help", cli(launch(Map.of("DISPLAY", ":7"), help)), help);
        }
        assertEquals(" io.mailrules.cli.Main help run", cli(launch(Map.of(), "--help", "run")));
        for (String version : new String[] {"--version", "-V", "version"}) {
            assertEquals(" io.mailrules.cli.Main version", cli(launch(Map.of("DISPLAY", ":7"), version)), version);
        }
        // also after workbench options, where a user adds them to see what the others mean
        assertEquals(" io.mailrules.cli.Main help", cli(launch(Map.of("DISPLAY", ":7"), "-data", "ws", "--help")));
    }

    @Test
    void aMistypedCommandGoesToTheCommandLineWhichNamesItWithoutAClassArchiveOfItsOwn() throws Exception {
        Map<String, String> environment = Map.of("DISPLAY", ":7", "HOME", root.resolve("home").toString());
        FakeInstallation.Launch launch = installation.launch(environment, "frobnicate");
        assertTrue(launch.output().endsWith(" io.mailrules.cli.Main frobnicate"), launch.output());
        assertFalse(launch.output().contains("-XX:DumpLoadedClassList"), "recorded: " + launch.output());
        // where a command of the product's records its classes
        assertTrue(installation.launch(environment, "validate").output().contains("-XX:DumpLoadedClassList"));
    }

    @Test
    void everyWorkbenchOptionTheHelpListsIsPassedOnToTheWorkbench() throws Exception {
        List<String> args = new ArrayList<>();
        for (Usage.WorkbenchOption option : Usage.WORKBENCH_OPTIONS) {
            String[] words = option.synopsis().split(" ");
            args.add(words[0]);
            if (words.length > 1) {
                args.add(words[0].equals("--port") ? "3143" : "value-of-" + words[0].replace("-", ""));
            }
        }
        assertEquals(workbench(args.toArray(String[]::new)), launch(Map.of("DISPLAY", ":7"),
                args.toArray(String[]::new)));
    }

    /** The launch ends with 64 before java is started for anything but the help text that follows the message. */
    private String refused(Map<String, String> environment, String... args) throws Exception {
        FakeInstallation.Launch launch = installation.launch(environment, args);
        assertEquals(64, launch.exitCode(), launch.output());
        assertFalse(launch.output().contains(" -jar "), "the workbench was started: " + launch.output());
        return launch.output();
    }

    @Test
    void anythingElseIsRefusedWith64BeforeTheWorkbenchStarts() throws Exception {
        Map<String, String> display = Map.of("DISPLAY", ":7");
        assertTrue(refused(display, "--frobnicate").startsWith("mailrules: unknown option '--frobnicate'\n\n"));
        assertTrue(refused(display, "-data", "ws", "-vmargs", "-Xmx9g").startsWith("mailrules: unknown option"
                + " '-vmargs'\n\n"));
        assertTrue(refused(display, "--screenshot").startsWith("mailrules: --screenshot needs a value\n\n"));
        assertTrue(refused(display, "-data", "--demo").startsWith("mailrules: -data needs a value\n\n"));
        assertTrue(refused(display, "--demo", "--port", "70000").startsWith("mailrules: --port needs a number from 0"
                + " (a free port) to 65535, got '70000'\n\n"));
        assertTrue(refused(display, "--port", "3143").startsWith("mailrules: --port is the demo server's port: give"
                + " it with --demo"));
        assertTrue(refused(display, "-clean", "rules.mailrules").startsWith("mailrules: unexpected argument"
                + " 'rules.mailrules': commands come first"));
        assertTrue(refused(display, "demo", "--dir", "d").startsWith("mailrules demo: --dir is for the headless"
                + " demo (add --headless)"));
        assertTrue(refused(display, "demo", "--frobnicate").startsWith("mailrules demo: unknown option"
                + " '--frobnicate'\n\n"));
        // the overview, or the demo's help, follows the message
        assertTrue(refused(display, "--frobnicate").endsWith(" io.mailrules.cli.Main help"));
        assertTrue(refused(display, "demo", "--dir", "d").endsWith(" io.mailrules.cli.Main help demo"));
    }

    @Test
    void theWorkbenchWithoutADisplayIsRefusedWithTheOverview() throws Exception {
        assertTrue(refused(Map.of()).startsWith("mailrules: no display to open the workbench on (DISPLAY and"
                + " WAYLAND_DISPLAY are unset); the commands need none\n\n"));
        assertTrue(refused(Map.of(), "-data", "ws").endsWith(" io.mailrules.cli.Main help"));
    }

    @Test
    void commandsAreToldTheNameTheLauncherWasInvokedBy() throws Exception {
        String byPath = launch(Map.of(), "runs");
        assertTrue(byPath.contains(" -Dmailrules.invokedAs=" + installation.launcher() + " "), byPath);
        String fromSourceTree = launch(Map.of("MAILRULES_INVOKED_AS", "./mailrules"), "runs");
        assertTrue(fromSourceTree.contains(" -Dmailrules.invokedAs=./mailrules "), fromSourceTree);
        FakeInstallation.Streams found = installation.launchFromPath(Map.of(), "runs");
        assertTrue(found.out().contains(" -Dmailrules.invokedAs=mailrules "), found.toString());
    }

    // What users read, from the real commands.

    @Test
    void helpAndVersionPrintOnStandardOutputAndExit0() throws Exception {
        installation.withRealCommands();
        String overview = null;
        for (String help : new String[] {"--help", "-h", "help"}) {
            FakeInstallation.Streams run = installation.launchSeparately(Map.of("DISPLAY", ":7"), help);
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals("", run.err(), run.toString());
            assertTrue(run.out().startsWith("Usage: " + installation.launcher() + " COMMAND [ARGUMENTS]\n"),
                    run.toString());
            assertTrue(run.out().contains("\nWorkbench options "), run.toString());
            assertTrue(overview == null || overview.equals(run.out()), run.toString());
            overview = run.out();
        }
        for (String version : new String[] {"--version", "-V", "version"}) {
            FakeInstallation.Streams run = installation.launchSeparately(Map.of("DISPLAY", ":7"), version);
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().matches("mailrules \\S.*\nJava \\d+.*\n"), run.toString());
        }
    }

    @Test
    void anUnknownCommandOrOptionPrintsOneLineAndTheOverviewAndExits64() throws Exception {
        installation.withRealCommands();
        FakeInstallation.Streams command = installation.launchFromPath(Map.of("DISPLAY", ":7"), "frobnicate");
        assertEquals(64, command.exitCode(), command.toString());
        assertEquals("", command.out());
        assertTrue(command.err().startsWith("mailrules: unknown command 'frobnicate'\n\nUsage: mailrules COMMAND"
                + " [ARGUMENTS]\n"), command.toString());
        assertTrue(command.err().endsWith("64 wrong command line, 70 internal error.\n"), command.toString());

        FakeInstallation.Streams option = installation.launchFromPath(Map.of("DISPLAY", ":7"), "--frobnicate");
        assertEquals(64, option.exitCode(), option.toString());
        assertEquals("", option.out());
        assertEquals(command.err().replace("unknown command 'frobnicate'", "unknown option '--frobnicate'"),
                option.err());
    }

    @Test
    void usageTextsNameTheCommandAsTheUserTypedIt() throws Exception {
        installation.withRealCommands();
        FakeInstallation.Streams sourceTree = installation.launchSeparately(Map.of("MAILRULES_INVOKED_AS",
                "./mailrules"), "help", "run");
        assertTrue(sourceTree.out().startsWith("Usage: ./mailrules run FILE [OPTIONS]\n"), sourceTree.toString());
        assertTrue(sourceTree.out().contains("'./mailrules plan FILE -o p.json'"), sourceTree.toString());
        FakeInstallation.Streams wrong = installation.launchSeparately(Map.of("MAILRULES_INVOKED_AS", "./mailrules"),
                "validate");
        assertEquals(64, wrong.exitCode(), wrong.toString());
        assertEquals("mailrules validate: no file given\nUsage: ./mailrules validate FILE...\n"
                + "Run './mailrules help validate' for details.\n", wrong.err());
    }

    @Test
    void aNameAShellWouldSplitIsQuoted() throws Exception {
        Path spaced = root.resolve("my tools");
        installation = new FakeInstallation(spaced, 21).withRealCommands();
        FakeInstallation.Streams run = installation.launchSeparately(Map.of(), "help");
        assertTrue(run.out().startsWith("Usage: '" + installation.launcher() + "' COMMAND [ARGUMENTS]\n"),
                run.toString());
    }

    @Test
    void theHeadlessDemosHintsNameTheCommandAsInvoked() throws Exception {
        installation.withRealCommands();
        Path out = root.resolve("demo.out");
        Path err = root.resolve("demo.err");
        Process demo = installation.start(Map.of("MAILRULES_INVOKED_AS", "./mailrules", "TZ", "UTC"), out, err,
                "demo", "--headless", "--dir", root.resolve("try-it").toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(out).contains("Press Ctrl-C") && demo.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            String printed = Files.readString(out);
            String rules = root.resolve("try-it/sales-demo.mailrules").toString();
            assertTrue(printed.contains("\nIn another terminal:\n"), printed + Files.readString(err));
            assertTrue(printed.contains("\n  ./mailrules plan " + rules + "   "), printed);
            assertTrue(printed.contains("\n  ./mailrules run " + rules + "   "), printed);
            assertTrue(printed.contains("\n  ./mailrules runs   "), printed);
            assertTrue(printed.contains("\n  ./mailrules undo RUN   "), printed);
            assertFalse(printed.contains(" mailrules plan"), printed);
        } finally {
            demo.destroy();
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS));
        }
    }
}
