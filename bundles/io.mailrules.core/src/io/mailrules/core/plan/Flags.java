package io.mailrules.core.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set of message flags: system flags ({@code \Seen}, {@code \Flagged}, ...) and keywords ({@code $AutoReply}),
 * kept apart because servers may refuse new keywords (PERMANENTFLAGS without {@code \*}) but never system flags.
 * Iteration order is fixed (system flags in enum order, keywords sorted) so commands and JSON are reproducible.
 */
public record Flags(Set<SystemFlag> system, SortedSet<String> keywords) {

    public static final Flags NONE = new Flags(Set.of(), new TreeSet<>());

    private static final String ATOM_SPECIALS = "(){ %*\"\\]";

    public Flags {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(keywords, "keywords");
        system = Collections.unmodifiableSet(system.isEmpty() ? EnumSet.noneOf(SystemFlag.class) : EnumSet.copyOf(system));
        TreeSet<String> checked = new TreeSet<>();
        for (String keyword : keywords) {
            checked.add(requireKeyword(keyword));
        }
        keywords = Collections.unmodifiableSortedSet(checked);
    }

    /** From IMAP flag names: those starting with a backslash must be system flags, the rest are keywords. */
    public static Flags of(String... imapNames) {
        return of(List.of(imapNames));
    }

    public static Flags of(Collection<String> imapNames) {
        EnumSet<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
        TreeSet<String> keywords = new TreeSet<>();
        for (String name : imapNames) {
            if (name.startsWith("\\")) {
                system.add(SystemFlag.ofImapName(name).orElseThrow(
                        () -> new IllegalArgumentException("unknown or unsettable system flag " + name)));
            } else {
                keywords.add(name);
            }
        }
        return new Flags(system, keywords);
    }

    private static String requireKeyword(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        if (keyword.isEmpty()) {
            throw new IllegalArgumentException("empty keyword");
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c <= 0x20 || c >= 0x7f || ATOM_SPECIALS.indexOf(c) >= 0) {
                throw new IllegalArgumentException("keyword \"" + keyword + "\" is not an IMAP atom");
            }
        }
        return keyword;
    }

    public Flags with(SystemFlag flag) {
        EnumSet<SystemFlag> more = EnumSet.of(flag);
        more.addAll(system);
        return new Flags(more, keywords);
    }

    public Flags with(String keyword) {
        TreeSet<String> more = new TreeSet<>(keywords);
        more.add(keyword);
        return new Flags(system, more);
    }

    public boolean isEmpty() {
        return system.isEmpty() && keywords.isEmpty();
    }

    /** System flags first, then keywords, as IMAP writes them. */
    public List<String> imapNames() {
        List<String> names = new ArrayList<>(system.size() + keywords.size());
        system.forEach(flag -> names.add(flag.imapName()));
        names.addAll(keywords);
        return List.copyOf(names);
    }

    /** The inside of an IMAP flag list: {@code \Flagged $AutoReply}. */
    @Override
    public String toString() {
        return String.join(" ", imapNames());
    }
}
