package io.mailrules.cli.commands;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import io.mailrules.cli.Command;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.UsageException;

/** {@code mailrules version}: what to quote in a bug report. */
public final class VersionCommand implements Command {

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "print the version of Mailrules and of the Java runtime";
    }

    @Override
    public String details() {
        return "";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments");
        }
        console.out().println("mailrules " + describe(bundleVersion()));
        console.out().println("Java " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        return ExitCode.OK;
    }

    /** {@code 0.1.0 (build 202611271309)} from the OSGi version {@code 0.1.0.202611271309}. */
    static String describe(String bundleVersion) {
        String[] parts = bundleVersion.split("\\.", 4);
        if (parts.length < 4) {
            return bundleVersion;
        }
        String release = parts[0] + "." + parts[1] + "." + parts[2];
        String qualifier = parts[3];
        return qualifier.equals("qualifier") ? release + " (development build)" : release + " (build " + qualifier + ")";
    }

    // The version the build stamped into this bundle's manifest. Asking the class loader for META-INF/MANIFEST.MF
    // would open (and verify) every jar of the class path, so the manifest is read from where this class came from:
    // the bundle's jar, or its folder when run from a build.
    private static String bundleVersion() throws IOException, URISyntaxException {
        Path location = Path.of(VersionCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest;
        if (Files.isDirectory(location)) {
            Path file = location.resolve("META-INF/MANIFEST.MF");
            if (!Files.exists(file)) {
                return "unknown";
            }
            try (InputStream in = Files.newInputStream(file)) {
                manifest = new Manifest(in);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile(), false)) {
                manifest = jar.getManifest();
            }
        }
        String version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
        return version == null ? "unknown" : version;
    }
}
