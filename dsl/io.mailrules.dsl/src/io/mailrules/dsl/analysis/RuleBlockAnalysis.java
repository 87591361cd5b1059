package io.mailrules.dsl.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;

/**
 * Shadowing and contradictions of one rules block, computed in one pass over its rules.
 * <p>
 * Earlier terminal rules are filed in a hash index under one anchor test per term; a rule looks up only the keys its
 * own tests imply (substrings of a contains value, parent domains, ...), so the pass stays linear in the number of
 * rules for realistic files instead of comparing every pair.
 */
public final class RuleBlockAnalysis {

    private final Map<Rule, Rule> shadowedBy = new IdentityHashMap<>();
    private final Map<Rule, List<Contradiction>> contradictions = new IdentityHashMap<>();

    private final Map<String, List<Filed>> index = new HashMap<>();
    private Rule catchAll;

    private record Filed(List<Atom> term, Rule rule) {
    }

    public RuleBlockAnalysis(RuleBlock block) {
        for (Rule rule : block.getRules()) {
            List<List<Atom>> terms = NormalForm.of(rule.getCondition());
            if (terms == null) {
                continue;
            }
            findContradictions(rule, terms);
            Rule shadow = findShadow(terms);
            if (shadow != null) {
                shadowedBy.put(rule, shadow);
            }
            if (Rules.isTerminal(rule)) {
                file(rule, terms);
            }
        }
    }

    public Rule shadowedBy(Rule rule) {
        return shadowedBy.get(rule);
    }

    public List<Contradiction> contradictions(Rule rule) {
        return contradictions.getOrDefault(rule, List.of());
    }

    private void file(Rule rule, List<List<Atom>> terms) {
        for (List<Atom> term : terms) {
            if (term.isEmpty()) {
                if (catchAll == null) {
                    catchAll = rule;
                }
                continue;
            }
            String key = Implication.anchorKey(anchor(term));
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(new Filed(term, rule));
        }
    }

    /** Field tests are the most selective keys; numeric tests share one key per kind. */
    private static Atom anchor(List<Atom> term) {
        for (Atom a : term) {
            if (a.isFieldTest() || a.negated()) {
                return a;
            }
        }
        for (Atom a : term) {
            if (a.kind() == Atom.Kind.FLAG || a.kind() == Atom.Kind.KEYWORD) {
                return a;
            }
        }
        return term.get(0);
    }

    private Rule findShadow(List<List<Atom>> terms) {
        if (catchAll != null) {
            return catchAll;
        }
        if (terms.isEmpty() || index.isEmpty()) {
            return null;
        }
        Rule first = null;
        for (List<Atom> term : terms) {
            Rule coverer = covering(term);
            if (coverer == null) {
                return null;
            }
            if (first == null) {
                first = coverer;
            }
        }
        return first;
    }

    private Rule covering(List<Atom> term) {
        Rule best = null;
        int bestOffset = Integer.MAX_VALUE;
        Set<String> seen = new HashSet<>();
        for (Atom atom : term) {
            for (String key : Implication.impliedKeys(atom)) {
                if (!seen.add(key)) {
                    continue;
                }
                for (Filed filed : index.getOrDefault(key, List.of())) {
                    int offset = offset(filed.rule());
                    if (offset < bestOffset && Implication.implies(term, filed.term())) {
                        best = filed.rule();
                        bestOffset = offset;
                    }
                }
            }
        }
        return best;
    }

    private void findContradictions(Rule rule, List<List<Atom>> terms) {
        Map<String, Contradiction> found = new LinkedHashMap<>();
        for (List<Atom> term : terms) {
            for (int i = 0; i < term.size(); i++) {
                for (int j = i + 1; j < term.size(); j++) {
                    Contradiction c = Contradiction.find(term.get(i), term.get(j));
                    if (c != null) {
                        Contradiction ordered = offset(c.first().source()) <= offset(c.second().source()) ? c
                                : new Contradiction(c.second(), c.first());
                        String key = System.identityHashCode(ordered.first().source()) + ":"
                                + System.identityHashCode(ordered.second().source());
                        found.putIfAbsent(key, ordered);
                    }
                }
            }
        }
        if (!found.isEmpty()) {
            contradictions.put(rule, new ArrayList<>(found.values()));
        }
    }

    private static int offset(EObject object) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
        return node == null ? 0 : node.getOffset();
    }
}
