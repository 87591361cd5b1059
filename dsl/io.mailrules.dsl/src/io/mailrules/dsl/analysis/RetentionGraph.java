package io.mailrules.dsl.analysis;

import io.mailrules.core.source.FolderPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.EcoreUtil2;

import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.MoveAction;
import io.mailrules.dsl.mailrules.RetentionPolicy;

/**
 * Folder-to-folder moves of all retention policies in a file. A cycle (A moves to B, a policy on B moves back to A)
 * would shuttle mail forever and reset its age each time.
 */
public final class RetentionGraph {

    private final Map<RetentionPolicy, List<RetentionPolicy>> cycles = new IdentityHashMap<>();

    public RetentionGraph(Model model) {
        List<RetentionPolicy> policies = EcoreUtil2.getAllContentsOfType(model, RetentionPolicy.class);
        Map<String, List<RetentionPolicy>> bySource = new HashMap<>();
        List<RetentionPolicy> all = new ArrayList<>();
        for (RetentionPolicy p : policies) {
            if (p.getFolder() != null) {
                bySource.computeIfAbsent(FolderPaths.normalize(p.getFolder()), k -> new ArrayList<>()).add(p);
                all.add(p);
            }
        }
        Map<RetentionPolicy, List<RetentionPolicy>> next = new IdentityHashMap<>();
        for (RetentionPolicy p : all) {
            next.put(p, successors(p, bySource, all));
        }
        findCycles(all, next);
    }

    /** The policies in a cycle through {@code policy}, starting with it; empty if there is none. */
    public List<RetentionPolicy> cycleThrough(RetentionPolicy policy) {
        return cycles.getOrDefault(policy, List.of());
    }

    public static String target(RetentionPolicy p) {
        return p.getAction() instanceof MoveAction move ? move.getFolder() : null;
    }

    private static List<RetentionPolicy> successors(RetentionPolicy p, Map<String, List<RetentionPolicy>> bySource,
            List<RetentionPolicy> all) {
        String target = target(p);
        // A move into the policy's own folder is reported as such, not as a cycle.
        if (target == null || FolderPaths.same(target, p.getFolder())) {
            return List.of();
        }
        if (!FolderPaths.hasVariables(target)) {
            return bySource.getOrDefault(FolderPaths.normalize(target), List.of());
        }
        List<RetentionPolicy> result = new ArrayList<>();
        for (RetentionPolicy q : all) {
            if (FolderPaths.templateMatches(target, q.getFolder())) {
                result.add(q);
            }
        }
        return result;
    }

    /** Iterative depth-first search; the graph has one node per policy, so it stays small and linear. */
    private void findCycles(List<RetentionPolicy> all, Map<RetentionPolicy, List<RetentionPolicy>> next) {
        Map<RetentionPolicy, Integer> state = new IdentityHashMap<>();
        for (RetentionPolicy start : all) {
            if (state.containsKey(start)) {
                continue;
            }
            List<RetentionPolicy> path = new ArrayList<>();
            List<Integer> cursor = new ArrayList<>();
            path.add(start);
            cursor.add(0);
            state.put(start, 1);
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                RetentionPolicy node = path.get(top);
                List<RetentionPolicy> succ = next.get(node);
                int i = cursor.get(top);
                if (i >= succ.size()) {
                    state.put(node, 2);
                    path.remove(top);
                    cursor.remove(top);
                    continue;
                }
                cursor.set(top, i + 1);
                RetentionPolicy s = succ.get(i);
                Integer st = state.get(s);
                if (st == null) {
                    state.put(s, 1);
                    path.add(s);
                    cursor.add(0);
                } else if (st == 1) {
                    recordCycle(path.subList(path.indexOf(s), path.size()));
                }
            }
        }
    }

    private void recordCycle(List<RetentionPolicy> cycle) {
        for (int i = 0; i < cycle.size(); i++) {
            List<RetentionPolicy> rotated = new ArrayList<>(cycle.subList(i, cycle.size()));
            rotated.addAll(cycle.subList(0, i));
            cycles.putIfAbsent(cycle.get(i), rotated);
        }
    }
}
