package io.mailrules.imap;

/**
 * How many messages a folder holds, as STATUS reports them without selecting it.
 *
 * @param folder the layout path, e.g. {@code Archive/2024}
 */
public record FolderCounts(String folder, long messages, long unseen) {
}
