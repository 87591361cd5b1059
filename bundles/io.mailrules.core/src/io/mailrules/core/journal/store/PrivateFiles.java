package io.mailrules.core.journal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates files and directories only their owner can read: journals list subjects and addresses of other people's
 * mail. The XDG Base Directory specification asks for 0700 on directories it creates, which this also satisfies.
 */
final class PrivateFiles {

    private PrivateFiles() {
    }

    static void createDirectories(Path directory) throws IOException {
        Files.createDirectories(directory, attributes(directory.getFileSystem(), "rwx------"));
    }

    static FileAttribute<?>[] fileAttributes(Path file) {
        return attributes(file.getFileSystem(), "rw-------");
    }

    /**
     * Makes a new or renamed directory entry durable; without it a crash can lose a whole journal file even though
     * its content was synced.
     */
    static void syncDirectory(Path directory) throws IOException {
        // Only POSIX systems let a directory be opened and synced; elsewhere the rename is as durable as it gets.
        if (isPosix(directory.getFileSystem())) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    private static FileAttribute<?>[] attributes(FileSystem fileSystem, String permissions) {
        // Without POSIX permissions (Windows) the user profile's own access control keeps the files private.
        return isPosix(fileSystem)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        permissions))}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(FileSystem fileSystem) {
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }
}
