package io.mailrules.core.incremental;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.mailrules.core.files.FileLocks;
import io.mailrules.core.files.HeldFileLock;
import io.mailrules.core.files.LockBusyException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The folder states of incremental runs, one JSON file next to the journal. It is replaced as a whole (written to a
 * temporary file of a name of its own, synced, renamed over the old one), so a crash leaves the old states or the
 * new ones, never half of each. Several processes record into one file (a {@code run} while {@code serve} runs, the
 * mailboxes of two rules files): each recording takes the file's lock, reads what is there now and adds its own, so
 * no process's states overwrite another's. A missing or unreadable file only costs a full pass: it never decides
 * which mail is moved on its own.
 * <p>
 * States are kept per account and folder. States recorded before they named the account are known by the mailbox's
 * name; one is still used for a mailbox of that name while its rules digest matches (the same rules file content
 * names the same account), and is replaced by the account's own state when that mailbox's folder is recorded.
 */
public final class FolderStateStore implements FolderStates {

    public static final String FILE_NAME = "folder-states.json";
    /** Another process writes the file for well under a second; one that takes longer is stuck. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private final Path file;
    private Map<String, FolderState> states;

    private FolderStateStore(Path file, Map<String, FolderState> states) {
        this.file = file;
        this.states = states;
    }

    /** Reads the states kept in {@code directory}; none when the file is missing or damaged. */
    public static FolderStateStore in(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        return new FolderStateStore(file, read(file));
    }

    private static Map<String, FolderState> read(Path file) {
        Map<String, FolderState> states = new LinkedHashMap<>();
        try {
            for (JsonElement element : JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonArray("folders")) {
                FolderState state = fromJson(element.getAsJsonObject());
                states.put(key(state), state);
            }
        } catch (NoSuchFileException e) {
            // No run has been applied from here yet.
        } catch (IOException | RuntimeException e) {
            // JsonParseException, a missing field or a wrong type: the next run is simply a full pass.
            states.clear();
        }
        return states;
    }

    @Override
    // Mailboxes of a fleet run are planned and finished on several threads at once.
    public synchronized Optional<FolderState> find(String accountKey, String mailbox, String folder) {
        FolderState own = states.get(accountKey(accountKey, folder));
        return own != null ? Optional.of(own) : Optional.ofNullable(states.get(nameKey(mailbox, folder)));
    }

    /**
     * Remembers these states, replacing earlier ones of the same folders, and writes the file durably, together
     * with what other processes recorded since this store read it.
     */
    public synchronized void record(Collection<FolderState> updated) throws IOException {
        if (updated.isEmpty()) {
            return;
        }
        Path directory = file.getParent();
        Files.createDirectories(directory);
        try (HeldFileLock lock = FileLocks.acquire(directory.resolve(FILE_NAME + ".lock"), LOCK_WAIT,
                "mailrules (pid " + ProcessHandle.current().pid() + ")")) {
            removeLeftovers(directory);
            Map<String, FolderState> merged = read(file);
            for (FolderState state : updated) {
                merged.put(key(state), state);
                // A state known by name only that this one supersedes: the same mailbox's, under the same rules.
                FolderState byName = merged.get(nameKey(state.mailbox(), state.folder()));
                if (state.accountKey().isPresent() && byName != null
                        && byName.rulesDigest().equals(state.rulesDigest())) {
                    merged.remove(nameKey(state.mailbox(), state.folder()));
                }
            }
            write(merged);
            states = merged;
        } catch (LockBusyException e) {
            throw new IOException(file + " is being written by " + e.holder() + " for over "
                    + LOCK_WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while waiting to write " + file);
        }
    }

    private void write(Map<String, FolderState> all) throws IOException {
        JsonArray folders = new JsonArray();
        all.values().forEach(state -> folders.add(toJson(state)));
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        root.add("folders", folders);
        Path directory = file.getParent();
        Path temporary = Files.createTempFile(directory, FILE_NAME + ".", ".tmp", ownerOnly(directory));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer content = ByteBuffer.wrap(root.toString().getBytes(StandardCharsets.UTF_8));
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        try (FileChannel synced = FileChannel.open(directory, StandardOpenOption.READ)) {
            synced.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot sync a directory; the rename is still atomic there.
        }
    }

    /** Temporary files of writers that died before their rename: under the lock, nobody else is writing one. */
    private static void removeLeftovers(Path directory) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, FILE_NAME + ".*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------"))}
                : new FileAttribute<?>[0];
    }

    public synchronized List<FolderState> states() {
        return List.copyOf(states.values());
    }

    private static String key(FolderState state) {
        return state.accountKey().map(account -> accountKey(account, state.folder()))
                .orElseGet(() -> nameKey(state.mailbox(), state.folder()));
    }

    private static String accountKey(String account, String folder) {
        return "account\u0000" + account + "\u0000" + folder;
    }

    private static String nameKey(String mailbox, String folder) {
        return "name\u0000" + mailbox + "\u0000" + folder;
    }

    private static JsonObject toJson(FolderState state) {
        JsonObject json = new JsonObject();
        json.addProperty("mailbox", state.mailbox());
        state.accountKey().ifPresent(account -> json.addProperty("account", account));
        json.addProperty("folder", state.folder());
        json.addProperty("rulesDigest", state.rulesDigest());
        json.addProperty("uidValidity", state.uidValidity());
        json.addProperty("highestUidSeen", state.highestUidSeen());
        state.highestModSeq().ifPresent(modSeq -> json.addProperty("highestModSeq", modSeq));
        json.addProperty("evaluatedOn", state.evaluatedOn().toString());
        return json;
    }

    private static FolderState fromJson(JsonObject json) {
        if (json.get("mailbox") == null || json.get("folder") == null || json.get("rulesDigest") == null
                || json.get("evaluatedOn") == null) {
            throw new JsonParseException("a folder state lacks its mailbox, folder, rules digest or day");
        }
        return new FolderState(json.get("mailbox").getAsString(), json.get("folder").getAsString(),
                json.get("rulesDigest").getAsString(), json.get("uidValidity").getAsLong(),
                json.get("highestUidSeen").getAsLong(), json.has("highestModSeq")
                        ? OptionalLong.of(json.get("highestModSeq").getAsLong())
                        : OptionalLong.empty(), LocalDate.parse(json.get("evaluatedOn").getAsString()),
                json.has("account") ? Optional.of(json.get("account").getAsString()) : Optional.empty());
    }
}
