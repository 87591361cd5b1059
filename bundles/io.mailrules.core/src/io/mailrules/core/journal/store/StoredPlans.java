package io.mailrules.core.journal.store;

import io.mailrules.core.json.PlanJson;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/**
 * The plan a run applies, kept beside its journal as {@code <run id>.plan.json}: the journal records only the
 * batches a run got to, so a resume needs the plan for the rest, and undo and resume need its messages (with their
 * Message-IDs, where a preview read them) to find mail whose COPYUID answer never came. Written and synced before
 * the journal's header, so every journal that has a stored plan at all has it complete.
 */
final class StoredPlans {

    private static final String SUFFIX = ".plan.json";

    private final Path directory;

    StoredPlans(Path directory) {
        this.directory = directory;
    }

    void write(RunId run, Plan plan) throws IOException {
        Path file = file(run);
        Path temporary = directory.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        ByteBuffer content = StandardCharsets.UTF_8.encode(PlanJson.write(plan));
        try (FileChannel channel = FileChannel.open(temporary,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PrivateFiles.fileAttributes(temporary))) {
            while (content.hasRemaining()) {
                channel.write(content);
            }
            channel.force(false);
        }
        // The directory is synced once, by the journal store, after the journal's header is in place too: no command
        // is sent before that, so a crash that keeps the header but loses this rename leaves a run that did nothing.
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Absent for runs whose journal was started without one. */
    Optional<Plan> read(RunId run) throws IOException {
        try {
            return Optional.of(PlanJson.read(Files.readString(file(run), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path file(RunId run) {
        return directory.resolve(run.value() + SUFFIX);
    }
}
