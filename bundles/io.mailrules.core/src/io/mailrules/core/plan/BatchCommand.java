package io.mailrules.core.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * The IMAP command one batch sends over its UID set. Unlike {@link Action}, this is what goes over the wire: a
 * delete is already a move to the resolved Trash folder, and a server without MOVE gets copy, store and expunge.
 */
public sealed interface BatchCommand {

    /** Stable lower-case name used in JSON and in batch ids; never change an existing one. */
    String kind();

    /** What the command does, for people: {@code move to Bounces}, {@code add \\Flagged}, {@code expunge}. */
    default String describe() {
        return switch (this) {
            case Move move -> "move to " + move.targetFolder();
            case Copy copy -> "copy to " + copy.targetFolder();
            case AddFlags add -> "add " + String.join(" ", add.storedFlags().imapNames());
            case RemoveFlags remove -> "remove " + String.join(" ", remove.storedFlags().imapNames());
            case Expunge expunge -> "expunge";
        };
    }

    /** The folder messages are moved or copied into, if any. */
    default Optional<String> target() {
        return Optional.empty();
    }

    /** The flags stored, for STORE commands. */
    default Optional<Flags> flags() {
        return Optional.empty();
    }

    /** UID MOVE (RFC 6851). */
    record Move(String targetFolder) implements BatchCommand {
        public Move {
            Require.name(targetFolder, "targetFolder");
        }

        @Override
        public String kind() {
            return "move";
        }

        @Override
        public Optional<String> target() {
            return Optional.of(targetFolder);
        }
    }

    /** UID COPY. */
    record Copy(String targetFolder) implements BatchCommand {
        public Copy {
            Require.name(targetFolder, "targetFolder");
        }

        @Override
        public String kind() {
            return "copy";
        }

        @Override
        public Optional<String> target() {
            return Optional.of(targetFolder);
        }
    }

    /** UID STORE +FLAGS. */
    record AddFlags(Flags storedFlags) implements BatchCommand {
        public AddFlags {
            requireSome(storedFlags);
        }

        @Override
        public String kind() {
            return "addFlags";
        }

        @Override
        public Optional<Flags> flags() {
            return Optional.of(storedFlags);
        }
    }

    /** UID STORE -FLAGS. */
    record RemoveFlags(Flags storedFlags) implements BatchCommand {
        public RemoveFlags {
            requireSome(storedFlags);
        }

        @Override
        public String kind() {
            return "removeFlags";
        }

        @Override
        public Optional<Flags> flags() {
            return Optional.of(storedFlags);
        }
    }

    /** UID EXPUNGE (UIDPLUS) of exactly the batch's UIDs. */
    record Expunge() implements BatchCommand {
        @Override
        public String kind() {
            return "expunge";
        }
    }

    private static void requireSome(Flags flags) {
        Objects.requireNonNull(flags, "flags");
        if (flags.isEmpty()) {
            throw new IllegalArgumentException("a STORE needs at least one flag or keyword");
        }
    }
}
