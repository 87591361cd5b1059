package io.mailrules.core.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * What a rule does to a message. Rules run in order; non-terminal actions (copy, flags, keywords) accumulate, and
 * the first terminal action (move, delete, expunge, stop) ends the message's evaluation, so a message is moved at
 * most once per run.
 */
public sealed interface Action {

    boolean isTerminal();

    /** The folder the message ends up in because of this action, if it leaves its folder for another one. */
    default Optional<String> destination() {
        return Optional.empty();
    }

    /** A short human-readable phrase for tables and logs, e.g. {@code move to Replies}. */
    String describe();

    record Move(String target) implements Action {
        public Move {
            Require.name(target, "target");
        }

        @Override
        public boolean isTerminal() {
            return true;
        }

        @Override
        public Optional<String> destination() {
            return Optional.of(target);
        }

        @Override
        public String describe() {
            return "move to " + target;
        }
    }

    /** A copy leaves the message where it is, so evaluation goes on. */
    record Copy(String target) implements Action {
        public Copy {
            Require.name(target, "target");
        }

        @Override
        public boolean isTerminal() {
            return false;
        }

        @Override
        public String describe() {
            return "copy to " + target;
        }
    }

    /** Delete moves to the Trash folder; the planner records which folder that resolved to on this server. */
    record Delete(String trashFolder) implements Action {
        public Delete {
            Require.name(trashFolder, "trashFolder");
        }

        @Override
        public boolean isTerminal() {
            return true;
        }

        @Override
        public Optional<String> destination() {
            return Optional.of(trashFolder);
        }

        @Override
        public String describe() {
            return "delete to " + trashFolder;
        }
    }

    /** Permanent removal, only ever of the planned UIDs (UID EXPUNGE), never a plain EXPUNGE. */
    record Expunge() implements Action {
        @Override
        public boolean isTerminal() {
            return true;
        }

        @Override
        public String describe() {
            return "expunge";
        }
    }

    record AddFlags(Flags flags) implements Action {
        public AddFlags {
            requireSome(flags);
        }

        @Override
        public boolean isTerminal() {
            return false;
        }

        @Override
        public String describe() {
            return "add " + flags;
        }
    }

    record RemoveFlags(Flags flags) implements Action {
        public RemoveFlags {
            requireSome(flags);
        }

        @Override
        public boolean isTerminal() {
            return false;
        }

        @Override
        public String describe() {
            return "remove " + flags;
        }
    }

    /** Ends evaluation and leaves the message where it is. */
    record Stop() implements Action {
        @Override
        public boolean isTerminal() {
            return true;
        }

        @Override
        public String describe() {
            return "stop";
        }
    }

    private static void requireSome(Flags flags) {
        Objects.requireNonNull(flags, "flags");
        if (flags.isEmpty()) {
            throw new IllegalArgumentException("a flag action needs at least one flag or keyword");
        }
    }
}
