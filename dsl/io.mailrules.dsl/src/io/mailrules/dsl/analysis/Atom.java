package io.mailrules.dsl.analysis;

import java.util.Locale;

import io.mailrules.dsl.mailrules.Condition;

/**
 * One elementary test of a condition in normal form, possibly negated. Field values are lower-cased because IMAP
 * SEARCH compares case-insensitively. Ages are kept as a range of days because a month is 28 to 31 days long.
 */
public record Atom(Kind kind, String field, String value, long low, long high, boolean negated, Condition source) {

    public enum Kind {
        IS, CONTAINS, MATCHES, EXISTS, DOMAIN, OLDER, NEWER, LARGER, SMALLER, FLAG, KEYWORD
    }

    public static Atom field(Kind kind, String field, String value, Condition source) {
        return new Atom(kind, field, kind == Kind.MATCHES || value == null ? value : value.toLowerCase(Locale.ROOT),
                0, 0, false, source);
    }

    public static Atom number(Kind kind, long low, long high, Condition source) {
        return new Atom(kind, null, null, low, high, false, source);
    }

    public static Atom named(Kind kind, String value, Condition source) {
        return new Atom(kind, null, value, 0, 0, false, source);
    }

    public Atom negate() {
        return new Atom(kind, field, value, low, high, !negated, source);
    }

    public Atom positive() {
        return negated ? negate() : this;
    }

    public boolean isFieldTest() {
        return field != null;
    }

    /** Identity of the test, without its source location. */
    public String key() {
        String base = switch (kind) {
            case IS, CONTAINS, MATCHES, DOMAIN -> field + "|" + kind + "|" + value;
            case EXISTS -> field + "|EXISTS";
            case OLDER, NEWER, LARGER, SMALLER -> kind + "|" + low + "|" + high;
            case FLAG, KEYWORD -> kind + "|" + value;
        };
        return negated ? "!" + base : base;
    }
}
