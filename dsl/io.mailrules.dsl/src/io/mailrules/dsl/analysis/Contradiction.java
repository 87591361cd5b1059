package io.mailrules.dsl.analysis;

/**
 * Two tests of one conjunction that no message can pass together; {@code second} is the later one in the text.
 */
public record Contradiction(Atom first, Atom second) {

    static Contradiction find(Atom a, Atom b) {
        if (contradict(a, b) || contradict(b, a)) {
            return new Contradiction(a, b);
        }
        return null;
    }

    private static boolean contradict(Atom a, Atom b) {
        if (!a.negated() && b.negated()) {
            return Implication.implies(a, b.positive());
        }
        if (a.negated() || b.negated()) {
            return false;
        }
        // older than N means age > N, newer than M means age < M: impossible once M <= N for every month length.
        if (a.kind() == Atom.Kind.OLDER && b.kind() == Atom.Kind.NEWER) {
            return b.high() <= a.low();
        }
        if (a.kind() == Atom.Kind.LARGER && b.kind() == Atom.Kind.SMALLER) {
            return b.low() <= a.low();
        }
        // From and Subject hold one value, so two different exact values cannot both hold.
        if (a.kind() == Atom.Kind.IS && b.kind() == Atom.Kind.IS && a.field().equals(b.field())
                && ("from".equals(a.field()) || "subject".equals(a.field()))) {
            return !a.value().equals(b.value());
        }
        return false;
    }
}
