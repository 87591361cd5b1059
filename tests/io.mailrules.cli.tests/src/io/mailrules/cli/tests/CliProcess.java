package io.mailrules.cli.tests;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.mailrules.cli.Main;

/**
 * Starts {@code mailrules COMMAND ...} in a JVM of its own, on a plain class path as the product's launcher does:
 * the jars of the bundles this test runs with, minus the UI ones. Each bundle's location names its jar.
 */
final class CliProcess {

    private static final Pattern UI_BUNDLE = Pattern.compile(
            "org\\.eclipse\\.(swt|jface|ui|e4\\.ui)(\\..*)?|.*\\.ui|io\\.mailrules\\.app");

    private CliProcess() {
    }

    static Process start(Path workingDirectory, Map<String, String> environment, Path log, String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs the tests")));
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dguice_bytecode_gen_option=DISABLED",
                "-cp", classPath(), Main.class.getName()));
        command.addAll(List.of(args));
        // Kept beside the log, so a runner that does not start can be explained.
        Files.writeString(log.resolveSibling(log.getFileName() + ".command"), String.join("\n", command));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String classPath() {
        BundleContext context = FrameworkUtil.getBundle(CliProcess.class).getBundleContext();
        Path installArea = Path.of(URI.create(context.getProperty("osgi.install.area")));
        List<String> jars = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            // Equinox records bundles from its configuration as "initial@reference:file:...".
            String location = bundle.getLocation().replaceFirst("^(initial@)?(reference:)?", "");
            if (bundle.getBundleId() == 0 || !location.startsWith("file:") || !location.endsWith(".jar")
                    || bundle.getSymbolicName() == null || UI_BUNDLE.matcher(bundle.getSymbolicName()).matches()) {
                continue;
            }
            // Locations may be relative to the framework's install area, as Tycho writes them.
            Path jar = installArea.resolve(location.substring("file:".length())).normalize();
            if (Files.isRegularFile(jar)) {
                jars.add(jar.toString());
            }
        }
        return String.join(java.io.File.pathSeparator, jars);
    }
}
