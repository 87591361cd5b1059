import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Prepares the class path of the headless commands in a materialized product: writes {@code cli/classpath}, the
 * jars of {@code plugins/} that the commands run on (one path per line, relative to the product folder, in a fixed
 * order), and, for each signed one, an unsigned copy under {@code cli/lib/} that the list names instead; and
 * {@code cli/build-id}, which changes whenever one of those jars does, so that the launcher can tell builds apart.
 *
 * <p>Why copies: the JVM verifies signed jars class by class and never puts their classes into a CDS archive or
 * AOT cache, which is what makes the commands start fast. The OSGi workbench keeps using the signed originals.
 *
 * <p>Run at build time as a single-file program: {@code java CliClassPath.java PRODUCT_FOLDER}.
 */
public final class CliClassPath {

    /** The workbench's jars (SWT, JFace, the Eclipse UI and the application): no command loads them. */
    private static final Pattern UI_JARS = Pattern.compile(
            "org\\.eclipse\\.swt.*|org\\.eclipse\\.jface.*|org\\.eclipse\\.ui.*|org\\.eclipse\\.e4\\.ui\\..*"
                    + "|.*\\.ui_.*|.*\\.ui\\..*|io\\.mailrules\\.app_.*");

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

    // Sorted by name, not by the file system's or a locale's order, so that every build lists them alike.
    private List<Path> commandJars() throws IOException {
        try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
            return plugins.filter(path -> path.getFileName().toString().endsWith(".jar"))
                    .filter(path -> !UI_JARS.matcher(path.getFileName().toString()).matches())
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
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
