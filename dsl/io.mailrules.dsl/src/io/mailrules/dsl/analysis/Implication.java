package io.mailrules.dsl.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Every message that passes test A also passes test B", decided conservatively: when in doubt, no.
 */
public final class Implication {

    /** Substrings are enumerated only for values up to this length, to keep indexing linear. */
    static final int MAX_SUBSTRING_SOURCE = 80;

    private Implication() {
    }

    public static boolean implies(Atom a, Atom b) {
        if (a.negated() || b.negated()) {
            return a.key().equals(b.key());
        }
        if (a.isFieldTest() != b.isFieldTest() || (a.isFieldTest() && !a.field().equals(b.field()))) {
            return false;
        }
        return switch (b.kind()) {
            case EXISTS -> a.isFieldTest();
            case IS -> a.kind() == Atom.Kind.IS && a.value().equals(b.value());
            case CONTAINS -> (a.kind() == Atom.Kind.IS || a.kind() == Atom.Kind.CONTAINS) && a.value().contains(b.value());
            case MATCHES -> a.kind() == Atom.Kind.MATCHES && a.value().equals(b.value());
            case DOMAIN -> domainOf(a) != null && inDomain(domainOf(a), b.value());
            case OLDER -> a.kind() == Atom.Kind.OLDER && a.low() >= b.high();
            case NEWER -> a.kind() == Atom.Kind.NEWER && a.high() <= b.low();
            case LARGER -> a.kind() == Atom.Kind.LARGER && a.low() >= b.low();
            case SMALLER -> a.kind() == Atom.Kind.SMALLER && a.low() <= b.low();
            case FLAG, KEYWORD -> a.kind() == b.kind() && a.value().equals(b.value());
        };
    }

    /** A conjunction implies another when each of the other's atoms is implied by one of its own. */
    public static boolean implies(List<Atom> term, List<Atom> other) {
        for (Atom b : other) {
            boolean covered = false;
            for (Atom a : term) {
                if (implies(a, b)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /**
     * Index keys of every atom that {@code a} could imply; a shadowing candidate is found by looking these up.
     * Numeric tests yield their kind only and are compared precisely afterwards.
     */
    public static Set<String> impliedKeys(Atom a) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(anchorKey(a));
        if (a.negated()) {
            return keys;
        }
        if (a.isFieldTest()) {
            keys.add(a.field() + "|EXISTS");
            if ((a.kind() == Atom.Kind.IS || a.kind() == Atom.Kind.CONTAINS) && a.value().length() <= MAX_SUBSTRING_SOURCE) {
                String v = a.value();
                for (int i = 0; i < v.length(); i++) {
                    for (int j = i + 1; j <= v.length(); j++) {
                        keys.add(a.field() + "|CONTAINS|" + v.substring(i, j));
                    }
                }
            }
            String domain = domainOf(a);
            if (domain != null) {
                for (String suffix = domain; suffix != null; suffix = parentDomain(suffix)) {
                    keys.add(a.field() + "|DOMAIN|" + suffix);
                }
            }
        }
        return keys;
    }

    /** The key under which a term is filed in the shadowing index when {@code a} is its anchor. */
    public static String anchorKey(Atom a) {
        if (a.negated()) {
            return a.key();
        }
        return switch (a.kind()) {
            case OLDER, NEWER, LARGER, SMALLER -> a.kind().name();
            default -> a.key();
        };
    }

    private static String domainOf(Atom a) {
        if (a.kind() == Atom.Kind.DOMAIN) {
            return a.value();
        }
        if (a.kind() == Atom.Kind.IS && a.value().indexOf('@') >= 0) {
            String d = a.value().substring(a.value().lastIndexOf('@') + 1);
            return d.endsWith(">") ? d.substring(0, d.length() - 1) : d;
        }
        return null;
    }

    /** A domain test matches the domain itself and its subdomains. */
    static boolean inDomain(String domain, String of) {
        return domain.equals(of) || domain.endsWith("." + of);
    }

    private static String parentDomain(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 || dot == domain.length() - 1 ? null : domain.substring(dot + 1);
    }
}
