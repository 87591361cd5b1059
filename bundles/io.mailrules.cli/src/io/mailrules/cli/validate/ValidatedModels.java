package io.mailrules.cli.validate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.BinaryResourceImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;

import io.mailrules.cli.Console;
import io.mailrules.dsl.mailrules.MailrulesPackage;
import io.mailrules.dsl.mailrules.Model;

/**
 * Rule files that passed validation, kept as their models in the user's cache, so that a command started again on
 * an unchanged file (a scheduled {@code run}, say) goes straight to planning: setting up the language, parsing and
 * validating take some 0.4 s of a headless command's start, more than its JVM does.
 * <p>
 * An entry is used only by the same product build (the launcher names it in {@value #BUILD_PROPERTY}) for the same
 * bytes of the file and of every file it imports, and only from a file the user alone can write; anything else, a
 * damaged entry included, is a miss and the file is validated as always. A file with errors never gets an entry.
 * The models carry no source positions: whatever reports a file's lines (validate, serve's schedules) parses.
 */
public final class ValidatedModels {

    /** The system property the launcher sets to its installation's build id; without it nothing is cached. */
    public static final String BUILD_PROPERTY = "mailrules.build";

    /** Caches nothing and finds nothing. */
    public static final ValidatedModels NONE = new ValidatedModels(Optional.empty(), "");

    private static final int FORMAT = 1;
    private static final int DIGEST_LENGTH = 32;

    private final Optional<Path> directory;
    private final String build;

    /** @param build the product build: an entry written by another build is never used */
    public ValidatedModels(Path directory, String build) {
        this(Optional.of(directory), build);
    }

    private ValidatedModels(Optional<Path> directory, String build) {
        this.directory = directory;
        this.build = build;
    }

    /** In {@code $XDG_CACHE_HOME/mailrules/models}, else {@code ~/.cache/mailrules/models}, for the launcher's build. */
    public static ValidatedModels of(Console console) {
        String build = System.getProperty(BUILD_PROPERTY, "");
        if (build.isBlank()) {
            return NONE;
        }
        Optional<Path> cache = console.variable("XDG_CACHE_HOME").map(Path::of).filter(Path::isAbsolute)
                .or(() -> Optional.ofNullable(System.getProperty("user.home")).map(home -> Path.of(home, ".cache")));
        return cache.map(home -> new ValidatedModels(home.resolve("mailrules").resolve("models"), build))
                .orElse(NONE);
    }

    /** A model found for a file, and the file's bytes it was made from. */
    public record Found(Model model, byte[] content) {
    }

    /** The model validated earlier for exactly the bytes {@code file} and its imports have now. */
    public Optional<Found> find(Path file) {
        Optional<Path> entry = entry(file);
        if (entry.isEmpty() || !ownedByUserAlone(entry.get())) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(entry.get()))) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            int resources = in.readInt();
            ResourceSet models = new ResourceSetImpl();
            models.getPackageRegistry().put(MailrulesPackage.eNS_URI, MailrulesPackage.eINSTANCE);
            byte[] mainContent = null;
            for (int i = 0; i < resources; i++) {
                URI uri = URI.createURI(in.readUTF());
                byte[] digest = in.readNBytes(DIGEST_LENGTH);
                byte[] model = in.readNBytes(in.readInt());
                byte[] content = Files.readAllBytes(Path.of(uri.toFileString()));
                if (!Arrays.equals(digest, sha256(content))) {
                    return Optional.empty();
                }
                mainContent = i == 0 ? content : mainContent;
                Resource resource = new BinaryResourceImpl(uri);
                models.getResources().add(resource);
                resource.load(new ByteArrayInputStream(model), Map.of());
            }
            EcoreUtil.resolveAll(models);
            if (resources == 0 || !EcoreUtil.UnresolvedProxyCrossReferencer.find(models).isEmpty()
                    || !(models.getResources().getFirst().getContents().getFirst() instanceof Model model)) {
                return Optional.empty();
            }
            return Optional.of(new Found(model, mainContent));
        } catch (IOException | RuntimeException unusable) {
            return Optional.empty();
        }
    }

    /**
     * Keeps the models of a file that passed validation. Does nothing when a resource did not come from a file
     * whose bytes were read for the validation, or when the cache cannot be written: it only ever saves time.
     *
     * @param resources the file's resource first, then those of its imports
     * @param contents the bytes each resource was parsed from, by its URI
     */
    public void remember(Path file, List<Resource> resources, Map<URI, byte[]> contents) {
        Optional<Path> entry = entry(file);
        if (entry.isEmpty() || resources.isEmpty()
                || resources.stream().anyMatch(resource -> !contents.containsKey(resource.getURI()))) {
            return;
        }
        Path temporary = entry.get().resolveSibling(entry.get().getFileName() + "." + UUID.randomUUID() + ".new");
        try {
            byte[] written = serialize(resources, contents);
            Files.createDirectories(entry.get().getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, written);
            Files.move(temporary, entry.get(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forgetUnused(entry.get().getParent());
        } catch (IOException | RuntimeException notKept) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // A stray temporary file in a cache harms nothing.
            }
        }
    }

    /**
     * Entries of files edited since, or of earlier builds, are never looked up again; whatever was not written for a
     * month goes, as do temporary files a killed command left.
     */
    private static void forgetUnused(Path models) throws IOException {
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (Stream<Path> files = Files.list(models)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                Instant written = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
                if ((name.endsWith(".model") && written.isBefore(monthAgo))
                        || (name.endsWith(".new") && written.isBefore(dayAgo))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static byte[] serialize(List<Resource> resources, Map<URI, byte[]> contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(FORMAT);
        out.writeInt(resources.size());
        for (Resource resource : resources) {
            if (!resource.getURI().isFile()) {
                throw new IOException("not a file: " + resource.getURI());
            }
            ByteArrayOutputStream model = new ByteArrayOutputStream();
            // The stream a binary resource saves itself with; a reference into another file is written as that
            // file's URI and the object's fragment there, which the same set of resources resolves on loading.
            BinaryResourceImpl.EObjectOutputStream stream = new BinaryResourceImpl.EObjectOutputStream(model, Map.of());
            stream.saveResource(resource);
            stream.flush();
            out.writeUTF(resource.getURI().toString());
            out.write(sha256(contents.get(resource.getURI())));
            out.writeInt(model.size());
            model.writeTo(out);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private Optional<Path> entry(Path file) {
        return directory.map(home -> home.resolve(HexFormat.of().formatHex(sha256((FORMAT + "\n" + build + "\n"
                + file.toAbsolutePath().normalize()).getBytes(StandardCharsets.UTF_8))) + ".model"));
    }

    /** The JVM would run whatever model the entry holds: only one that no other user could have written. */
    private static boolean ownedByUserAlone(Path entry) {
        try {
            if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(entry, LinkOption.NOFOLLOW_LINKS);
            return Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
