package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.cli.validate.ValidatedModels;

/**
 * Where the product's launcher script sends {@code mailrules demo}: the workbench in demo mode when there is a
 * display, the headless command without one or with {@code --headless}, run by a stand-in {@code java} (see
 * {@link FakeInstallation}); without a HOME there is no class archive to record or use.
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

    @Test
    void demoWithADisplayOpensTheWorkbenchInDemoMode() throws Exception {
        assertEquals(workbench("--demo", "--port", "3143"), launch(Map.of("DISPLAY", ":7"), "demo", "--port", "3143"));
        assertEquals(workbench("--demo"), launch(Map.of("WAYLAND_DISPLAY", "wayland-0"), "demo"));
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
}
