package io.mailrules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.SystemFlag;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.MessageHeaders;

/**
 * A plan holds changes only: a rule that sets a flag or keyword is asked about the messages that do not have it yet,
 * so that re-planning a mailbox a run has just finished plans nothing. Where a rule does only that, the state is
 * part of its SEARCH (and of the check of fetched headers, for a rule the server cannot decide alone); the flag
 * changes of other rules are checked with one SEARCH per flag once the folder's outcome is known.
 */
final class FlagChanges {

    private FlagChanges() {
    }

    /** Setting ({@code add}) or clearing one flag or keyword, by its IMAP name. */
    record Change(String name, boolean add) {
    }

    /**
     * The SEARCH for the messages the change would change: {@code UNFLAGGED} for setting {@code \Flagged},
     * {@code UNKEYWORD k} for adding keyword {@code k}, {@code SEEN} for clearing {@code \Seen}, and so on.
     */
    static SearchKey notYet(Change change) {
        Optional<SystemFlag> system = SystemFlag.ofImapName(change.name());
        if (system.isPresent()) {
            return change.add() ? new SearchKey.LacksFlag(system.get()) : new SearchKey.HasFlag(system.get());
        }
        return change.add() ? new SearchKey.Unkeyword(change.name()) : new SearchKey.Keyword(change.name());
    }

    /** The same test on fetched flags. */
    static Predicate<MessageHeaders> notYetLocally(Change change) {
        Optional<SystemFlag> system = SystemFlag.ofImapName(change.name());
        Predicate<MessageHeaders> has = system.isPresent()
                ? message -> message.flags().system().contains(system.get())
                : message -> message.flags().keywords().stream().anyMatch(change.name()::equalsIgnoreCase);
        return change.add() ? has.negate() : has;
    }

    /** The flag changes of an action; none for moves, copies and the like. */
    static List<Change> of(Action action) {
        List<Change> changes = new ArrayList<>();
        switch (action) {
            case Action.AddFlags add -> add.flags().imapNames().forEach(name -> changes.add(new Change(name, true)));
            case Action.RemoveFlags remove ->
                remove.flags().imapNames().forEach(name -> changes.add(new Change(name, false)));
            default -> {
                // not a flag change
            }
        }
        return changes;
    }

    /** The flag change a fixed action template makes, if it makes one; dated actions never do. */
    static List<Change> of(ActionTemplate template) {
        return template.period() == TargetPeriod.NONE ? of(template.resolve(LocalDate.EPOCH)) : List.of();
    }

    /**
     * The rules of one folder, with every rule that only sets or clears flags and keywords asked about the messages
     * it would change: one rule per change it makes, each searching its condition and the change's
     * {@link #notYet(Change) state}. A flag that one rule of the folder sets and another clears keeps its rules as
     * they are: which of the two wins depends on the order they match in, not on the state before the run, and the
     * SEARCH per flag of {@link FolderEvaluator} settles it.
     */
    static List<CompiledRule> narrow(List<CompiledRule> rules) {
        Map<String, Set<Boolean>> directions = new HashMap<>();
        for (CompiledRule rule : rules) {
            for (ActionTemplate action : rule.actions()) {
                for (Change change : of(action)) {
                    directions.computeIfAbsent(key(change.name()), unused -> new HashSet<>()).add(change.add());
                }
            }
        }
        List<CompiledRule> narrowed = new ArrayList<>();
        for (CompiledRule rule : rules) {
            Set<Change> changes = new LinkedHashSet<>();
            boolean onlyFlags = !rule.actions().isEmpty();
            for (ActionTemplate action : rule.actions()) {
                List<Change> made = of(action);
                onlyFlags &= !made.isEmpty();
                changes.addAll(made);
            }
            boolean unopposed = changes.stream()
                    .allMatch(change -> directions.get(key(change.name())).size() == 1);
            if (!onlyFlags || !unopposed) {
                narrowed.add(rule);
                continue;
            }
            for (Change change : changes) {
                CompiledCondition state = CompiledCondition.exact(notYet(change),
                        LocalCheck.of(notYetLocally(change), Set.of(), null));
                Flags flags = Flags.of(change.name());
                Action action = change.add() ? new Action.AddFlags(flags) : new Action.RemoveFlags(flags);
                narrowed.add(new CompiledRule(rule.name(), ConditionCompiler.within(rule.condition(), state),
                        List.of(ActionTemplate.fixed(action)), rule.newMailOnly(), rule.agedCutoff(), true));
            }
        }
        return narrowed;
    }

    /** System flags and keywords are both compared without regard to case. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
