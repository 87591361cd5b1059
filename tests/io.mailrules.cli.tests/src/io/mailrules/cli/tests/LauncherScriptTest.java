package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the product's launcher script sends {@code mailrules demo}: the workbench in demo mode when there is a
 * display, the headless command without one or with {@code --headless}. A stand-in {@code java} prints the
 * arguments it was started with instead of starting anything.
 */
class LauncherScriptTest {

    @TempDir
    Path installation;

    private Path launcher;

    @BeforeEach
    void install() throws Exception {
        Path source = Path.of(System.getProperty("mailrules.launcher"));
        launcher = installation.resolve("mailrules/mailrules");
        Files.createDirectories(launcher.getParent().resolve("plugins"));
        Files.copy(source, launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.createFile(launcher.getParent().resolve("plugins/org.eclipse.equinox.launcher_1.7.0.jar"));
        Files.createFile(launcher.getParent().resolve("plugins/io.mailrules.cli_0.1.0.jar"));
        Path java = installation.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(installation.resolve("jdk/release"), "JAVA_VERSION=\"21.0.5\"\n");
    }

    private String launch(Map<String, String> display, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("MAILRULES_JAVA", installation.resolve("jdk/bin/java").toString());
        builder.environment().putAll(display);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private String workbench(String... args) {
        return "-Xmx2g -Dosgi.requiredJavaVersion=21 -jar " + launcher.getParent()
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
}
