package io.mailrules.core.source;

import java.util.List;
import java.util.Objects;

/**
 * How one mailbox names its folders on the server: its hierarchy delimiter, and the personal namespace prefix some
 * servers put before every folder but INBOX (Cyrus and Courier: {@code INBOX.}). This is the only mapping between
 * {@link FolderPaths paths} and server names in Mailrules, so the dry run, the run and undo always reach the same
 * server folder by the same path.
 *
 * @param prefix the personal namespace prefix including its trailing delimiter, or empty
 */
public record FolderNaming(String prefix, char delimiter) {

    public FolderNaming {
        Objects.requireNonNull(prefix, "prefix");
    }

    /**
     * The server's name for a path; children of INBOX stay under INBOX whatever the prefix is.
     *
     * @throws IllegalArgumentException when the path is empty or a part of it contains the server's delimiter,
     *         which would silently address a deeper folder
     */
    public String toServer(String path) {
        Objects.requireNonNull(path, "path");
        List<String> segments = FolderPaths.segments(FolderPaths.normalize(path));
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("folder \"" + path + "\" names no folder");
        }
        for (String segment : segments) {
            if (delimiter != '/' && segment.indexOf(delimiter) >= 0) {
                throw new IllegalArgumentException("folder \"" + path + "\" contains '" + delimiter
                        + "', which this server uses to separate folder levels");
            }
        }
        String joined = String.join(String.valueOf(delimiter), segments);
        return FolderPaths.INBOX.equals(segments.getFirst()) ? joined : prefix + joined;
    }

    /** The path of a server name as LIST returns it. */
    public String toPath(String serverName) {
        if (serverName.equalsIgnoreCase(FolderPaths.INBOX)) {
            return FolderPaths.INBOX;
        }
        String local = !prefix.isEmpty() && serverName.startsWith(prefix) ? serverName.substring(prefix.length())
                : serverName;
        return FolderPaths.normalize(local.replace(delimiter, '/'));
    }

    /**
     * The one path plans use for the server folder a path names: under the prefix {@code INBOX.}, "INBOX/Archive"
     * and "Archive" are the same folder, and a message must not be moved twice because two rules spell it
     * differently.
     */
    public String canonical(String path) {
        return toPath(toServer(path));
    }
}
