package io.mailrules.cli.tests;

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

/**
 * An installed product made of the real launcher script, empty jars and a stand-in {@code java} that prints the
 * arguments it was started with instead of starting anything. The stand-in also plays the JVM's part in class data
 * sharing: asked to record, it writes the record; asked to build an archive from one, it writes the archive.
 * FAKE_JAVA_EXIT sets the exit code of a command, FAKE_BUILD_EXIT that of a build.
 */
final class FakeInstallation {

    /** What one launch printed (standard output and error together) and how it ended. */
    record Launch(int exitCode, String output) {
    }

    private static final String JAVA = """
            #!/bin/sh
            build=""
            for arg in "$@"; do
              case "$arg" in
                -Xshare:dump|-XX:AOTMode=create) build=yes ;;
                -XX:DumpLoadedClassList=*|-XX:AOTConfiguration=*) [ -n "$build" ] || echo classes > "${arg#*=}" ;;
                -XX:SharedArchiveFile=*|-XX:AOTCache=*) [ -z "$build" ] || echo archive > "${arg#*=}" ;;
              esac
            done
            echo "$@"
            [ -z "$build" ] || exit "${FAKE_BUILD_EXIT:-0}"
            exit "${FAKE_JAVA_EXIT:-0}"
            """;

    private final Path root;
    private final Path launcher;

    /** @param javaVersion the major version the stand-in's release file states */
    FakeInstallation(Path root, int javaVersion) throws Exception {
        this.root = root;
        Path source = Path.of(System.getProperty("mailrules.launcher"));
        launcher = root.resolve("mailrules/mailrules");
        Path home = launcher.getParent();
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("cli"));
        Files.copy(source, launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.createFile(home.resolve("plugins/org.eclipse.equinox.launcher_1.7.0.jar"));
        Files.createFile(home.resolve("plugins/io.mailrules.cli_0.1.0.jar"));
        Files.writeString(home.resolve("cli/classpath"), "plugins/io.mailrules.cli_0.1.0.jar\n");
        Files.writeString(home.resolve("cli/build-id"), "0123456789abcdef\n");
        Path java = java();
        Files.createDirectories(java.getParent());
        Files.writeString(java, JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(root.resolve("jdk/release"), "JAVA_VERSION=\"" + javaVersion + ".0.5\"\n");
    }

    Path java() {
        return root.resolve("jdk/bin/java");
    }

    Path launcher() {
        return launcher;
    }

    /** Runs the launcher with only PATH, the stand-in java and {@code environment} set. */
    Launch launch(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("MAILRULES_JAVA", java().toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Launch(process.exitValue(), output);
    }
}
