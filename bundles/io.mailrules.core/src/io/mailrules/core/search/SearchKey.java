package io.mailrules.core.search;

import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.SystemFlag;
import io.mailrules.core.plan.UidSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A condition the server evaluates with UID SEARCH (RFC 3501 section 6.4.4). The rule compiler turns every condition
 * IMAP can express into one of these so that a folder of 100k messages costs one command instead of 100k header reads.
 * <p>
 * Text keys ({@link From}, {@link Subject}, {@link Header}, ...) are case-insensitive substring matches on the server;
 * date keys compare the internal date (the day the message arrived), which is what retention policies mean.
 */
public sealed interface SearchKey {

    /**
     * Whether the server has to read messages, not just its index, to answer this key: text in headers or bodies.
     * Such a search costs about the same per message however few match, so it is worth asking about fewer messages.
     */
    default boolean readsMessages() {
        return switch (this) {
            case From from -> true;
            case To to -> true;
            case Cc cc -> true;
            case Subject subject -> true;
            case Header header -> true;
            case Body body -> true;
            case And and -> and.keys().stream().anyMatch(SearchKey::readsMessages);
            case Or or -> or.left().readsMessages() || or.right().readsMessages();
            case Not not -> not.key().readsMessages();
            default -> false;
        };
    }

    /** The criteria as they go on the wire after {@code UID SEARCH}, with {@code CHARSET UTF-8} when needed. */
    default ImapSearch toImap() {
        return SearchRendering.render(this);
    }

    static SearchKey all() {
        return new All();
    }

    static SearchKey and(SearchKey... keys) {
        return new And(List.of(keys));
    }

    static SearchKey or(SearchKey left, SearchKey right) {
        return new Or(left, right);
    }

    static SearchKey not(SearchKey key) {
        return new Not(key);
    }

    static SearchKey seen() {
        return new HasFlag(SystemFlag.SEEN);
    }

    static SearchKey unseen() {
        return new LacksFlag(SystemFlag.SEEN);
    }

    static SearchKey flagged() {
        return new HasFlag(SystemFlag.FLAGGED);
    }

    static SearchKey unflagged() {
        return new LacksFlag(SystemFlag.FLAGGED);
    }

    static SearchKey answered() {
        return new HasFlag(SystemFlag.ANSWERED);
    }

    static SearchKey deleted() {
        return new HasFlag(SystemFlag.DELETED);
    }

    static SearchKey undeleted() {
        return new LacksFlag(SystemFlag.DELETED);
    }

    record From(String text) implements SearchKey {
        public From {
            Objects.requireNonNull(text, "text");
        }
    }

    record To(String text) implements SearchKey {
        public To {
            Objects.requireNonNull(text, "text");
        }
    }

    record Cc(String text) implements SearchKey {
        public Cc {
            Objects.requireNonNull(text, "text");
        }
    }

    record Subject(String text) implements SearchKey {
        public Subject {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Searches the message body only; servers may have to read every body, so it is the costliest key. */
    record Body(String text) implements SearchKey {
        public Body {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An empty {@code text} matches every message that has the header at all, which is how "exists" is sent. */
    record Header(String name, String text) implements SearchKey {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty header field name");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= 0x20 || c >= 0x7f || c == ':') {
                    throw new IllegalArgumentException("\"" + name + "\" is not a header field name");
                }
            }
        }
    }

    /** Internal date on or after the day. */
    record Since(LocalDate date) implements SearchKey {
        public Since {
            Objects.requireNonNull(date, "date");
        }
    }

    /** Internal date before the day. */
    record Before(LocalDate date) implements SearchKey {
        public Before {
            Objects.requireNonNull(date, "date");
        }
    }

    /** Internal date within the day. */
    record On(LocalDate date) implements SearchKey {
        public On {
            Objects.requireNonNull(date, "date");
        }
    }

    /** RFC822.SIZE strictly above {@code bytes}. */
    record Larger(long bytes) implements SearchKey {
        public Larger {
            requireSize(bytes);
        }
    }

    /** RFC822.SIZE strictly below {@code bytes}. */
    record Smaller(long bytes) implements SearchKey {
        public Smaller {
            requireSize(bytes);
        }
    }

    record HasFlag(SystemFlag flag) implements SearchKey {
        public HasFlag {
            Objects.requireNonNull(flag, "flag");
        }
    }

    record LacksFlag(SystemFlag flag) implements SearchKey {
        public LacksFlag {
            Objects.requireNonNull(flag, "flag");
        }
    }

    record Keyword(String keyword) implements SearchKey {
        public Keyword {
            requireKeyword(keyword);
        }
    }

    record Unkeyword(String keyword) implements SearchKey {
        public Unkeyword {
            requireKeyword(keyword);
        }
    }

    /** Restricts to UIDs; a set too long for one command line must be cut by the caller, not here. */
    record Uid(UidSet uids) implements SearchKey {
        public Uid {
            Objects.requireNonNull(uids, "uids");
            if (uids.isEmpty()) {
                throw new IllegalArgumentException("a UID key needs at least one UID");
            }
        }
    }

    record All() implements SearchKey {
    }

    /** Every key must hold; no keys at all means every message. */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Not(SearchKey key) implements SearchKey {
        public Not {
            Objects.requireNonNull(key, "key");
        }
    }

    private static void requireSize(long bytes) {
        if (bytes < 0 || bytes > UidSet.MAX_UID) {
            throw new IllegalArgumentException("size " + bytes + " is outside 0.." + UidSet.MAX_UID);
        }
    }

    private static void requireKeyword(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        if (keyword.startsWith("\\")) {
            throw new IllegalArgumentException(keyword + " is a system flag, not a keyword");
        }
        Flags.of(keyword);
    }
}
