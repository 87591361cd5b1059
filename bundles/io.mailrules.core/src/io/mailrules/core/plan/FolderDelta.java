package io.mailrules.core.plan;

/** How many messages a folder gains (positive) or loses (negative) when a plan runs, e.g. {@code INBOX -120}. */
public record FolderDelta(String mailbox, String folder, long delta) {
    public FolderDelta {
        Require.name(mailbox, "mailbox");
        Require.name(folder, "folder");
    }

    @Override
    public String toString() {
        return folder + " " + (delta > 0 ? "+" : "") + delta;
    }
}
