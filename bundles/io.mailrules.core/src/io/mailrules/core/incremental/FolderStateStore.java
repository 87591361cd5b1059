package io.mailrules.core.incremental;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The folder states of incremental runs, one JSON file next to the journal. It is replaced as a whole (written to a
 * temporary file, synced, renamed over the old one), so a crash leaves the old states or the new ones, never half of
 * each. A missing or unreadable file only costs a full pass: it never decides which mail is moved on its own.
 */
public final class FolderStateStore implements FolderStates {

    public static final String FILE_NAME = "folder-states.json";

    private final Path file;
    private final Map<String, FolderState> states;

    private FolderStateStore(Path file, Map<String, FolderState> states) {
        this.file = file;
        this.states = states;
    }

    /** Reads the states kept in {@code directory}; none when the file is missing or damaged. */
    public static FolderStateStore in(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        Map<String, FolderState> states = new LinkedHashMap<>();
        try {
            for (JsonElement element : JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonArray("folders")) {
                FolderState state = fromJson(element.getAsJsonObject());
                states.put(key(state.mailbox(), state.folder()), state);
            }
        } catch (NoSuchFileException e) {
            // No run has been applied from here yet.
        } catch (IOException | RuntimeException e) {
            // JsonParseException, a missing field or a wrong type: the next run is simply a full pass.
            states.clear();
        }
        return new FolderStateStore(file, states);
    }

    @Override
    // Mailboxes of a fleet run are planned and finished on several threads at once.
    public synchronized Optional<FolderState> find(String mailbox, String folder) {
        return Optional.ofNullable(states.get(key(mailbox, folder)));
    }

    /** Remembers these states, replacing earlier ones of the same folders, and writes the file durably. */
    public synchronized void record(Collection<FolderState> updated) throws IOException {
        if (updated.isEmpty()) {
            return;
        }
        updated.forEach(state -> states.put(key(state.mailbox(), state.folder()), state));
        JsonArray folders = new JsonArray();
        states.values().forEach(state -> folders.add(toJson(state)));
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        root.add("folders", folders);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(root.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot sync a directory; the rename is still atomic there.
        }
    }

    public synchronized List<FolderState> states() {
        return List.copyOf(states.values());
    }

    private static String key(String mailbox, String folder) {
        return mailbox + "\u0000" + folder;
    }

    private static JsonObject toJson(FolderState state) {
        JsonObject json = new JsonObject();
        json.addProperty("mailbox", state.mailbox());
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
                        : OptionalLong.empty(), LocalDate.parse(json.get("evaluatedOn").getAsString()));
    }
}
