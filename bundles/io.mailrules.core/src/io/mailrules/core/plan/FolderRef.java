package io.mailrules.core.plan;

/** A folder of a mailbox, as plans name folders to create. */
public record FolderRef(String mailbox, String folder) {
    public FolderRef {
        Require.name(mailbox, "mailbox");
        Require.name(folder, "folder");
    }

    @Override
    public String toString() {
        return mailbox + "/" + folder;
    }
}
