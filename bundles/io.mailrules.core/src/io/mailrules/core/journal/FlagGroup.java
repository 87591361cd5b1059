package io.mailrules.core.journal;

import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.UidSet;
import java.util.Objects;

/**
 * Messages that had the same flags before a batch changed them. Grouping keeps the journal small: most messages of
 * a batch share one of a few flag combinations, and undo restores each group with one STORE.
 */
public record FlagGroup(Flags flags, UidSet uids) {
    public FlagGroup {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(uids, "uids");
        if (uids.isEmpty()) {
            throw new IllegalArgumentException("a flag group needs UIDs");
        }
    }
}
