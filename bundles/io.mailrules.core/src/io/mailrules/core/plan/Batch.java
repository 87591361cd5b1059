package io.mailrules.core.plan;

import java.util.Objects;

/**
 * One IMAP command's worth of work: a command over a UID set in one folder of one mailbox, valid only under the
 * recorded UIDVALIDITY. Its {@link #id()} is derived from its position in the plan and its content, so the same plan
 * always yields the same ids and a journal can refer to them.
 */
public final class Batch {
    private final int sequence;
    private final String mailbox;
    private final String folder;
    private final long uidValidity;
    private final BatchCommand command;
    private final UidSet uids;
    private final BatchId id;

    private Batch(int sequence, String mailbox, String folder, long uidValidity, BatchCommand command, UidSet uids) {
        this.sequence = sequence;
        this.mailbox = Require.name(mailbox, "mailbox");
        this.folder = Require.name(folder, "folder");
        this.uidValidity = Require.uid32(uidValidity, "uidValidity");
        this.command = Objects.requireNonNull(command, "command");
        this.uids = Objects.requireNonNull(uids, "uids");
        if (uids.isEmpty()) {
            throw new IllegalArgumentException("batch " + sequence + " has no UIDs");
        }
        if (command.target().filter(folder::equals).isPresent()) {
            throw new IllegalArgumentException("batch " + sequence + " would " + command.kind() + " \"" + folder
                    + "\" into itself");
        }
        this.id = BatchId.of(sequence, mailbox, folder, uidValidity, command, uids);
    }

    /**
     * @param sequence the batch's position among all batches of its plan, counting from 0 in plan order
     */
    public static Batch of(int sequence, String mailbox, String folder, long uidValidity, BatchCommand command,
            UidSet uids) {
        return new Batch(sequence, mailbox, folder, uidValidity, command, uids);
    }

    public BatchId id() {
        return id;
    }

    public int sequence() {
        return sequence;
    }

    public String mailbox() {
        return mailbox;
    }

    public String folder() {
        return folder;
    }

    public long uidValidity() {
        return uidValidity;
    }

    public BatchCommand command() {
        return command;
    }

    public UidSet uids() {
        return uids;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Batch batch
                && sequence == batch.sequence
                && uidValidity == batch.uidValidity
                && mailbox.equals(batch.mailbox)
                && folder.equals(batch.folder)
                && command.equals(batch.command)
                && uids.equals(batch.uids);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id + " " + mailbox + "/" + folder + " " + command.kind()
                + command.target().map(target -> " " + target).orElse("")
                + command.flags().map(flags -> " " + flags).orElse("") + " (" + uids.size() + " UIDs)";
    }
}
