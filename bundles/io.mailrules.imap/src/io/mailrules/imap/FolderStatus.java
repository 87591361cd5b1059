package io.mailrules.imap;

/** A folder's counts as STATUS reports them, without selecting the folder. */
public record FolderStatus(String folder, long messages, long unseen) {
}
