package io.mailrules.core.journal;

import io.mailrules.core.plan.UidSet;

/**
 * A move's or copy's target folder as it was just before the batch was sent. UIDs only grow, so whatever the folder
 * holds at or above {@code uidNext} under the same UIDVALIDITY arrived since: when the answer with the new UIDs is
 * lost, that is where the batch's messages are.
 */
public record TargetMark(long uidValidity, long uidNext) {

    public TargetMark {
        if (uidValidity < UidSet.MIN_UID || uidValidity > UidSet.MAX_UID) {
            throw new IllegalArgumentException("UIDVALIDITY " + uidValidity + " is invalid");
        }
        if (uidNext < UidSet.MIN_UID || uidNext > UidSet.MAX_UID + 1) {
            throw new IllegalArgumentException("UIDNEXT " + uidNext + " is invalid");
        }
    }
}
