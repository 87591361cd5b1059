package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
 * FAKE_JAVA_EXIT sets the exit code of a command, FAKE_BUILD_EXIT that of a build. {@link #withRealCommands()}
 * makes it run the real commands instead, on this test's own class path.
 */
final class FakeInstallation {

    /** What one launch printed (standard output and error together) and how it ended. */
    record Launch(int exitCode, String output) {
    }

    /** What one launch printed on standard output and on standard error, and how it ended. */
    record Streams(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
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
    private Path java;

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
        java = root.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(root.resolve("jdk/release"), "JAVA_VERSION=\"" + javaVersion + ".0.5\"\n");
    }

    /**
     * The same installation running the real {@code io.mailrules.cli.Main} in the JVM this test runs on: its
     * {@code cli/classpath} names links to the bundles of this test's class path. The workbench's Equinox launcher
     * stays an empty jar, which no JVM could start.
     */
    FakeInstallation withRealCommands() throws Exception {
        Path home = launcher.getParent();
        Files.createDirectories(home.resolve("cli/lib"));
        StringBuilder classPath = new StringBuilder();
        String[] entries = CliProcess.classPath().split(File.pathSeparator);
        for (int i = 0; i < entries.length; i++) {
            Files.createSymbolicLink(home.resolve("cli/lib/" + i), Path.of(entries[i]));
            classPath.append("cli/lib/").append(i).append('\n');
        }
        Files.writeString(home.resolve("cli/classpath"), classPath);
        java = Path.of(CliProcess.java());
        return this;
    }

    Path java() {
        return java;
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

    /**
     * Runs {@code mailrules ARGS} as a user whose PATH holds the installation's folder, so that the shell finds the
     * launcher by its name, with only PATH, the java to use and {@code environment} set.
     */
    Streams launchFromPath(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", "mailrules \"$@\"", "bash"));
        command.addAll(List.of(args));
        return run(command, environment, Map.of("PATH", launcher.getParent() + ":/usr/bin:/bin"));
    }

    /** Runs the launcher by its path, with only PATH, the java to use and {@code environment} set. */
    Streams launchSeparately(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", launcher.toString()));
        command.addAll(List.of(args));
        return run(command, environment, Map.of("PATH", "/usr/bin:/bin"));
    }

    private Streams run(List<String> command, Map<String, String> environment, Map<String, String> path)
            throws Exception {
        Path out = Files.createTempFile(root, "launch", ".out");
        Path err = Files.createTempFile(root, "launch", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(path);
        builder.environment().put("MAILRULES_JAVA", java.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mailrules " + command + " did not end within a minute");
        }
        return new Streams(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts the launcher by its path without waiting for it, its output going to {@code out} and {@code err}. */
    Process start(Map<String, String> environment, Path out, Path err, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("MAILRULES_JAVA", java.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
