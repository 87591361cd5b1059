package io.mailrules.core.check;

import io.mailrules.core.plan.BatchCommand;
import java.util.Optional;

/**
 * Which of a plan's commands a server can carry out without touching mail the plan does not name. A move needs
 * UID MOVE, or UIDPLUS for copy, mark and UID EXPUNGE of exactly the moved messages; an expunge needs UIDPLUS. A
 * plain EXPUNGE would also erase what other clients marked {@code \Deleted}, so without them neither is sent.
 * Copies and flag changes work on every server.
 *
 * @param moves whether moves (and deletes, which move to Trash) are safe
 * @param expunges whether expunges are safe
 */
public record ServerSupport(boolean moves, boolean expunges) {

    public static final ServerSupport ALL = new ServerSupport(true, true);

    /** From the server's capabilities: {@code MOVE} and {@code UIDPLUS}. */
    public static ServerSupport of(boolean move, boolean uidPlus) {
        return new ServerSupport(move || uidPlus, uidPlus);
    }

    /** Why the server cannot carry out {@code command} safely, or empty when it can. */
    public Optional<String> cannot(BatchCommand command) {
        return switch (command) {
            case BatchCommand.Move move -> moves ? Optional.empty() : Optional.of("the server offers neither MOVE"
                    + " nor UIDPLUS, and the only other way (COPY, then EXPUNGE of the whole folder) would also erase"
                    + " messages other mail clients marked as deleted");
            case BatchCommand.Expunge expunge -> expunges ? Optional.empty() : Optional.of("the server lacks"
                    + " UIDPLUS, so only a plain EXPUNGE is possible, which would also erase messages other mail"
                    + " clients marked as deleted");
            default -> Optional.empty();
        };
    }
}
