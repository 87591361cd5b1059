import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Prepares the class path of the headless commands in a materialized product: writes {@code cli/classpath}, the
 * jars of {@code plugins/} that the commands need (one path per line, relative to the product folder, in a fixed
 * order), and, for each signed one, an unsigned copy under {@code cli/lib/} that the list names instead; and
 * {@code cli/build-id}, which changes whenever one of those jars does, so that the launcher can tell builds apart.
 *
 * <p>Why copies: the JVM verifies signed jars class by class and never puts their classes into a CDS archive or
 * AOT cache, which is what makes the commands start fast. The OSGi workbench keeps using the signed originals.
 *
 * <p>Run at build time as a single-file program: {@code java CliClassPath.java PRODUCT_FOLDER}.
 */
public final class CliClassPath {

    /** The bundle of the commands' main class: the class path is it and what it needs. */
    private static final String COMMANDS_BUNDLE = "io.mailrules.cli";

    private static final Pattern SIGNATURE_FILE = Pattern.compile(
            "META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+", Pattern.CASE_INSENSITIVE);

    private final Path product;

    private CliClassPath(Path product) {
        this.product = product;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java CliClassPath.java PRODUCT_FOLDER");
            System.exit(64);
        }
        new CliClassPath(Path.of(args[0])).write();
    }

    private void write() throws IOException {
        Path cli = product.resolve("cli");
        Path lib = cli.resolve("lib");
        deleteTree(cli);
        Files.createDirectories(lib);
        List<String> classPath = new ArrayList<>();
        int copies = 0;
        for (Path jar : commandJars()) {
            String name = jar.getFileName().toString();
            if (isSigned(jar)) {
                writeUnsigned(jar, lib.resolve(name));
                classPath.add("cli/lib/" + name);
                copies++;
            } else {
                classPath.add("plugins/" + name);
            }
        }
        Files.write(cli.resolve("classpath"), classPath, StandardCharsets.UTF_8);
        Files.writeString(cli.resolve("build-id"), buildId(classPath) + "\n", StandardCharsets.UTF_8);
        System.out.println("cli class path: " + classPath.size() + " jars, " + copies + " unsigned copies in " + lib);
    }

    /**
     * The jars of the commands' bundle and of every bundle it needs, as OSGi would wire them: required bundles,
     * the exporters of imported packages (optional ones too: code may use them when present), fragments and hosts.
     * The workbench's jars and the rest of the platform stay off the class path; each jar on it costs the JVM a
     * look whenever a class or resource is searched for and not found earlier. Sorted by name, not by the file
     * system's or a locale's order, so that every build lists them alike.
     */
    private List<Path> commandJars() throws IOException {
        Map<String, BundleJar> bundles = new HashMap<>();
        Map<String, List<String>> exporters = new HashMap<>();
        try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
            for (Path jar : plugins.filter(path -> path.getFileName().toString().endsWith(".jar")).toList()) {
                BundleJar.read(jar).ifPresent(bundle -> {
                    bundles.put(bundle.name(), bundle);
                    bundle.exports().forEach(pkg -> exporters.computeIfAbsent(pkg, key -> new ArrayList<>())
                            .add(bundle.name()));
                });
            }
        }
        Set<String> needed = new TreeSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(COMMANDS_BUNDLE));
        while (!toVisit.isEmpty()) {
            BundleJar bundle = bundles.get(toVisit.poll());
            if (bundle == null || !needed.add(bundle.name())) {
                continue;
            }
            toVisit.addAll(bundle.requires());
            bundle.imports().forEach(pkg -> toVisit.addAll(exporters.getOrDefault(pkg, List.of())));
            bundle.host().ifPresent(toVisit::add);
            bundles.values().stream().filter(other -> other.host().filter(bundle.name()::equals).isPresent())
                    .forEach(fragment -> toVisit.add(fragment.name()));
        }
        if (!needed.contains(COMMANDS_BUNDLE)) {
            throw new IllegalStateException("no " + COMMANDS_BUNDLE + " jar in " + product.resolve("plugins"));
        }
        return needed.stream().map(name -> bundles.get(name).jar())
                .sorted(Comparator.comparing(jar -> jar.getFileName().toString())).toList();
    }

    /** What a bundle's manifest says about its wiring; versions are ignored, a product holds one of each. */
    private record BundleJar(String name, Path jar, List<String> requires, List<String> imports,
            List<String> exports, Optional<String> host) {

        static Optional<BundleJar> read(Path jar) throws IOException {
            Manifest manifest;
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                manifest = file.getManifest();
            }
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            List<String> name = clauses(main.getValue("Bundle-SymbolicName"));
            if (name.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new BundleJar(name.get(0), jar, clauses(main.getValue("Require-Bundle")),
                    clauses(main.getValue("Import-Package")), clauses(main.getValue("Export-Package")),
                    clauses(main.getValue("Fragment-Host")).stream().findFirst()));
        }

        /** The names a header lists: its comma-separated clauses (commas in quotes do not count) up to their ';'. */
        static List<String> clauses(String header) {
            List<String> names = new ArrayList<>();
            if (header == null) {
                return names;
            }
            StringBuilder clause = new StringBuilder();
            boolean quoted = false;
            for (char c : (header + ",").toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                }
                if (c == ',' && !quoted) {
                    String text = clause.toString();
                    int parameters = text.indexOf(';');
                    String name = (parameters < 0 ? text : text.substring(0, parameters)).trim();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                    clause.setLength(0);
                } else {
                    clause.append(c);
                }
            }
            return names;
        }
    }

    /** A digest of each jar's path, size and time: what the JVM checks before it uses an archive of them. */
    private String buildId(List<String> classPath) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String entry : classPath) {
            Path jar = product.resolve(entry);
            String line = entry + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static boolean isSigned(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(entry -> SIGNATURE_FILE.matcher(entry.getName()).matches());
        }
    }

    /**
     * Copies the jar without its signature files and without the manifest's per-entry digests (which only the
     * signature needs, and which make up most of a signed manifest); entry order and times stay as they were.
     */
    private static void writeUnsigned(Path signed, Path unsigned) throws IOException {
        try (ZipFile zip = new ZipFile(signed.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(unsigned))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (SIGNATURE_FILE.matcher(entry.getName()).matches()) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        writeMainSection(in, out);
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    private static void writeMainSection(InputStream manifest, OutputStream out) throws IOException {
        Manifest main = new Manifest(manifest);
        main.getEntries().clear();
        main.write(out);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
