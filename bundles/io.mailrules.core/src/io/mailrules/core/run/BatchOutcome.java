package io.mailrules.core.run;

import java.util.Objects;
import java.util.Optional;

/** What became of one batch once its command returned. */
public sealed interface BatchOutcome {

    boolean succeeded();

    static Done done() {
        return new Done(Optional.empty());
    }

    static Done done(UidMapping copyUid) {
        return new Done(Optional.of(copyUid));
    }

    static Failed failed(String error) {
        return new Failed(error);
    }

    /**
     * The server said OK.
     *
     * @param copyUid the COPYUID mapping of a move or copy; absent for STORE and EXPUNGE, and for servers without
     *        UIDPLUS, where undo and resume have to find the messages by Message-ID instead
     */
    record Done(Optional<UidMapping> copyUid) implements BatchOutcome {
        public Done {
            Objects.requireNonNull(copyUid, "copyUid");
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
