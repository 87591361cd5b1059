package io.mailrules.core.journal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mailrules.core.run.RunId;

/**
 * Journals already read, kept while their file is unchanged. The workbench reads the history after every run, and
 * a fleet adds a journal per mailbox per run, so parsing every journal each time would grow without bound. Journals
 * are only ever appended to, so an unchanged size and modification time mean unchanged records.
 */
final class ReadJournals {

    private record Version(long size, FileTime modified) {
    }

    private record Known(Version version, RunJournal journal) {
    }

    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    RunJournal read(Path file, RunId run) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Version version = new Version(attributes.size(), attributes.lastModifiedTime());
        Known cached = known.get(file);
        if (cached != null && cached.version().equals(version)) {
            return cached.journal();
        }
        // Read after the attributes: an append in between only makes the next call read the file again.
        RunJournal journal = JournalFileReader.read(file, run);
        known.put(file, new Known(version, journal));
        return journal;
    }

    /** Forgets journals whose files are no longer listed. */
    void keepOnly(Collection<Path> files) {
        known.keySet().retainAll(files);
    }
}
