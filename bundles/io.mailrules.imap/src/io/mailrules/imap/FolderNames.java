package io.mailrules.imap;

import java.util.Locale;
import java.util.Objects;

/**
 * Maps layout paths, which always use {@code /} (e.g. {@code Archive/2024}), to the server's folder names, which use
 * its hierarchy delimiter under its personal namespace prefix (e.g. {@code INBOX.Archive.2024} on servers whose
 * personal namespace is {@code INBOX.}). INBOX itself is never prefixed.
 *
 * @param prefix the personal namespace prefix including its trailing delimiter, or empty
 */
public record FolderNames(String prefix, char delimiter) {

    public static final String INBOX = "INBOX";

    public FolderNames {
        Objects.requireNonNull(prefix, "prefix");
    }

    public String toServer(String layoutPath) {
        String[] segments = segments(layoutPath);
        if (segments[0].equalsIgnoreCase(INBOX)) {
            segments[0] = INBOX;
            if (segments.length == 1) {
                return INBOX;
            }
            // Children of INBOX stay under INBOX whatever the namespace prefix is.
            return String.join(String.valueOf(delimiter), segments);
        }
        return prefix + String.join(String.valueOf(delimiter), segments);
    }

    public String toLayout(String serverName) {
        if (serverName.equalsIgnoreCase(INBOX)) {
            return INBOX;
        }
        String local = !prefix.isEmpty() && serverName.startsWith(prefix) ? serverName.substring(prefix.length())
                : serverName;
        return local.replace(delimiter, '/');
    }

    private String[] segments(String layoutPath) {
        Objects.requireNonNull(layoutPath, "layoutPath");
        String[] segments = layoutPath.split("/", -1);
        for (String segment : segments) {
            if (segment.isBlank()) {
                throw new IllegalArgumentException("folder \"" + layoutPath + "\" has an empty part");
            }
            if (delimiter != '/' && segment.indexOf(delimiter) >= 0) {
                throw new IllegalArgumentException("folder \"" + layoutPath + "\" contains '" + delimiter
                        + "', which this server uses to separate folder levels");
            }
        }
        return segments;
    }

    /** Whether the layout path names INBOX, which exists on every server and is never created. */
    public static boolean isInbox(String layoutPath) {
        return layoutPath.toUpperCase(Locale.ROOT).equals(INBOX);
    }
}
