package io.mailrules.cli.tests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts {@code mailrules} as its own JVM, the way the launcher script does: {@code io.mailrules.cli.Main} on a
 * plain class path, here made of the bundles this test runs with (their jars, or their class folders in the build).
 */
final class CliProcess {

    private CliProcess() {
    }

    static Process start(Path workingDirectory, Map<String, String> environment, Path stdout, Path stderr,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC",
                "-Dguice_bytecode_gen_option=DISABLED", "-cp", classPath(), "io.mailrules.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    static String classPath() {
        Bundle self = FrameworkUtil.getBundle(CliProcess.class);
        String area = self.getBundleContext().getProperty("osgi.install.area");
        Path installArea = area == null ? Path.of("").toAbsolutePath()
                : Path.of(area.substring(area.indexOf("file:") + "file:".length()));
        Set<String> entries = new LinkedHashSet<>();
        for (Bundle bundle : self.getBundleContext().getBundles()) {
            location(bundle, installArea).ifPresent(path -> entries.add(path.toString()));
        }
        if (entries.stream().noneMatch(entry -> entry.matches(".*io\\.mailrules\\.cli[-_/].*"))) {
            List<String> locations = new ArrayList<>();
            for (Bundle bundle : self.getBundleContext().getBundles()) {
                locations.add(bundle.getLocation());
            }
            throw new IllegalStateException("the command line bundle is not among " + locations);
        }
        return String.join(File.pathSeparator, entries);
    }

    // Locations look like initial@reference:file:../../x.jar, relative to the framework's install area, or name
    // the project folder of a bundle of this build.
    private static Optional<Path> location(Bundle bundle, Path installArea) {
        String location = bundle.getLocation();
        int file = location.indexOf("file:");
        if (bundle.getBundleId() == 0 || file < 0) {
            return Optional.empty();
        }
        Path path = installArea.resolve(location.substring(file + "file:".length())).normalize();
        if (Files.isDirectory(path.resolve("target/classes"))) {
            return Optional.of(path.resolve("target/classes"));
        }
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }
}
