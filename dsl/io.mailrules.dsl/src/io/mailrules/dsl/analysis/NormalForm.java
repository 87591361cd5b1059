package io.mailrules.dsl.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.mailrules.dsl.mailrules.AgeCondition;
import io.mailrules.dsl.mailrules.AgeDirection;
import io.mailrules.dsl.mailrules.Always;
import io.mailrules.dsl.mailrules.And;
import io.mailrules.dsl.mailrules.Condition;
import io.mailrules.dsl.mailrules.ContainsMatcher;
import io.mailrules.dsl.mailrules.DomainMatcher;
import io.mailrules.dsl.mailrules.ExistsMatcher;
import io.mailrules.dsl.mailrules.FieldCondition;
import io.mailrules.dsl.mailrules.FieldSelector;
import io.mailrules.dsl.mailrules.FlagCondition;
import io.mailrules.dsl.mailrules.HeaderField;
import io.mailrules.dsl.mailrules.IsMatcher;
import io.mailrules.dsl.mailrules.KeywordCondition;
import io.mailrules.dsl.mailrules.Matcher;
import io.mailrules.dsl.mailrules.MatchesMatcher;
import io.mailrules.dsl.mailrules.Not;
import io.mailrules.dsl.mailrules.Or;
import io.mailrules.dsl.mailrules.SizeComparison;
import io.mailrules.dsl.mailrules.SizeCondition;
import io.mailrules.dsl.mailrules.SizeUnit;
import io.mailrules.dsl.mailrules.StandardField;
import io.mailrules.dsl.mailrules.TimeUnit;

/**
 * Disjunctive normal form of a condition: a list of terms, each a conjunction of atoms. A message matches the
 * condition when it matches every atom of at least one term; the empty term is 'always'. Normal forms larger than
 * {@link #MAX_TERMS} are not built (null), which makes the analyses skip that rule rather than blow up.
 */
public final class NormalForm {

    public static final int MAX_TERMS = 64;

    private NormalForm() {
    }

    /** @return the terms, or null if the condition is incomplete or its normal form too large */
    public static List<List<Atom>> of(Condition condition) {
        try {
            return dnf(condition, false);
        } catch (TooLarge | Incomplete e) {
            return null;
        }
    }

    private static List<List<Atom>> dnf(Condition c, boolean negate) {
        if (c == null) {
            throw new Incomplete();
        }
        if (c instanceof Not not) {
            if (isAtomic(not.getOperand())) {
                // Keep the 'not' as the atom's source, so messages quote and point at "not is seen".
                Atom atom = atom(not.getOperand(), not);
                return List.of(List.of(negate ? atom : atom.negate()));
            }
            return dnf(not.getOperand(), !negate);
        }
        if (c instanceof And and) {
            return negate ? union(and.getOperands(), true) : product(and.getOperands(), false);
        }
        if (c instanceof Or or) {
            return negate ? product(or.getOperands(), true) : union(or.getOperands(), false);
        }
        if (c instanceof Always) {
            // 'not always' never matches: no term at all.
            return negate ? new ArrayList<>() : List.of(List.of());
        }
        Atom atom = atom(c, c);
        return List.of(List.of(negate ? atom.negate() : atom));
    }

    private static boolean isAtomic(Condition c) {
        return !(c instanceof Not || c instanceof And || c instanceof Or || c instanceof Always);
    }

    private static List<List<Atom>> union(List<Condition> operands, boolean negate) {
        List<List<Atom>> result = new ArrayList<>();
        for (Condition operand : operands) {
            result.addAll(dnf(operand, negate));
            if (result.size() > MAX_TERMS) {
                throw new TooLarge();
            }
        }
        return result;
    }

    private static List<List<Atom>> product(List<Condition> operands, boolean negate) {
        List<List<Atom>> result = List.of(List.of());
        for (Condition operand : operands) {
            List<List<Atom>> next = new ArrayList<>();
            for (List<Atom> left : result) {
                for (List<Atom> right : dnf(operand, negate)) {
                    List<Atom> term = new ArrayList<>(left);
                    term.addAll(right);
                    next.add(term);
                    if (next.size() > MAX_TERMS) {
                        throw new TooLarge();
                    }
                }
            }
            result = next;
        }
        return result;
    }

    static Atom atom(Condition c, Condition source) {
        if (c instanceof FieldCondition fc) {
            return fieldAtom(fc, source);
        } else if (c instanceof AgeCondition age) {
            long n = age.getAmount();
            boolean months = age.getUnit() == TimeUnit.MONTHS;
            Atom.Kind kind = age.getDirection() == AgeDirection.OLDER ? Atom.Kind.OLDER : Atom.Kind.NEWER;
            return Atom.number(kind, months ? 28 * n : n, months ? 31 * n : n, source);
        } else if (c instanceof SizeCondition size) {
            long kb = size.getUnit() == SizeUnit.MB ? size.getAmount() * 1024L : size.getAmount();
            Atom.Kind kind = size.getComparison() == SizeComparison.LARGER ? Atom.Kind.LARGER : Atom.Kind.SMALLER;
            return Atom.number(kind, kb, kb, source);
        } else if (c instanceof FlagCondition flag) {
            return Atom.named(Atom.Kind.FLAG, flag.getFlag().getLiteral(), source);
        } else if (c instanceof KeywordCondition keyword && keyword.getKeyword() != null) {
            return Atom.named(Atom.Kind.KEYWORD, keyword.getKeyword(), source);
        }
        throw new Incomplete();
    }

    private static Atom fieldAtom(FieldCondition fc, Condition source) {
        String field = fieldName(fc.getField());
        Matcher m = fc.getMatcher();
        if (field == null || m == null) {
            throw new Incomplete();
        }
        if (m instanceof IsMatcher is && is.getValue() != null) {
            return Atom.field(Atom.Kind.IS, field, is.getValue(), source);
        } else if (m instanceof ContainsMatcher contains && contains.getValue() != null) {
            return Atom.field(Atom.Kind.CONTAINS, field, contains.getValue(), source);
        } else if (m instanceof DomainMatcher domain && domain.getValue() != null) {
            return Atom.field(Atom.Kind.DOMAIN, field, domain.getValue(), source);
        } else if (m instanceof ExistsMatcher) {
            return Atom.field(Atom.Kind.EXISTS, field, null, source);
        } else if (m instanceof MatchesMatcher matches) {
            String pattern = matches.getRegex() != null ? matches.getRegex() : matches.getPattern();
            if (pattern != null) {
                return Atom.field(Atom.Kind.MATCHES, field, pattern, source);
            }
        }
        throw new Incomplete();
    }

    /** "from", "to", "cc", "subject", or "header:name" with the header name lower-cased. */
    public static String fieldName(FieldSelector selector) {
        if (selector instanceof StandardField standard) {
            return standard.getKind().getLiteral();
        } else if (selector instanceof HeaderField header && header.getName() != null) {
            return "header:" + header.getName().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static final class Incomplete extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Incomplete() {
            super(null, null, false, false);
        }
    }
}
