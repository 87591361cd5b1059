package io.mailrules.core.run;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** What became of one batch once its command returned. */
public sealed interface BatchOutcome {

    boolean succeeded();

    static Done done() {
        return new Done(Optional.empty(), OptionalLong.empty());
    }

    /** A mapping whose target UIDVALIDITY is unknown, as journals of earlier versions recorded it. */
    static Done done(UidMapping copyUid) {
        return new Done(Optional.of(copyUid), OptionalLong.empty());
    }

    static Done done(UidMapping copyUid, long targetUidValidity) {
        return new Done(Optional.of(copyUid), OptionalLong.of(targetUidValidity));
    }

    static Failed failed(String error) {
        return new Failed(error);
    }

    /**
     * The server said OK.
     *
     * @param copyUid the COPYUID mapping of a move or copy; absent for STORE and EXPUNGE, and for servers without
     *        UIDPLUS, where undo and resume have to find the messages by Message-ID instead
     * @param targetUidValidity the target folder's UIDVALIDITY from the COPYUID code: the mapping's target UIDs
     *        mean those messages only while the folder still has it
     */
    record Done(Optional<UidMapping> copyUid, OptionalLong targetUidValidity) implements BatchOutcome {
        public Done {
            Objects.requireNonNull(copyUid, "copyUid");
            Objects.requireNonNull(targetUidValidity, "targetUidValidity");
            if (copyUid.isEmpty() && targetUidValidity.isPresent()) {
                throw new IllegalArgumentException("a target UIDVALIDITY belongs to a COPYUID mapping");
            }
        }

        @Override
        public boolean succeeded() {
            return true;
        }
    }

    /** The server said NO or BAD, or the connection failed; {@code error} is what the user is shown. */
    record Failed(String error) implements BatchOutcome {
        public Failed {
            Objects.requireNonNull(error, "error");
            if (error.isBlank()) {
                throw new IllegalArgumentException("a failed batch needs an error message");
            }
        }

        @Override
        public boolean succeeded() {
            return false;
        }
    }
}
