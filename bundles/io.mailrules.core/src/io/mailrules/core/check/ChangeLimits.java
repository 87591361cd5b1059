package io.mailrules.core.check;

import java.util.Objects;

/**
 * The change limits of one rules block or retention policy: how many of a folder's messages one run may remove
 * and may move. The defaults refuse a run that would remove more than 20% of a folder or more than 2,000 of its
 * messages, or move more than half of a folder when that is also more than 5,000 messages: a first archive of a
 * large INBOX needs the user's consent, routine runs never do.
 */
public record ChangeLimits(ChangeLimit remove, ChangeLimit move) {

    public static final String DEFAULT_SOURCE = "the default";
    public static final ChangeLimit DEFAULT_REMOVE = ChangeLimit.of(20, false, 2000, DEFAULT_SOURCE);
    public static final ChangeLimit DEFAULT_MOVE = ChangeLimit.of(50, true, 5000, DEFAULT_SOURCE);
    public static final ChangeLimits DEFAULTS = new ChangeLimits(DEFAULT_REMOVE, DEFAULT_MOVE);

    public ChangeLimits {
        Objects.requireNonNull(remove, "remove");
        Objects.requireNonNull(move, "move");
    }

    public ChangeLimit of(ChangeKind kind) {
        return kind == ChangeKind.REMOVE ? remove : move;
    }

    public ChangeLimits withRemove(ChangeLimit limit) {
        return new ChangeLimits(limit, move);
    }

    public ChangeLimits withMove(ChangeLimit limit) {
        return new ChangeLimits(remove, limit);
    }
}
