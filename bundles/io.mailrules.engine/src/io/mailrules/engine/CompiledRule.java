package io.mailrules.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A rule ready to run against one folder of one mailbox. Its actions stop after the first terminal one, because
 * nothing after it could ever apply.
 *
 * @param name the name plans and previews show, qualified by its rules block or retention policy
 * @param newMailOnly whether an incremental run may show this rule only the mail that arrived since the last run:
 *        true for routing rules whose verdict on a message never changes; false for retention and for conditions on
 *        age (a message grows old without changing), flags or keywords (other clients change those)
 * @param agedCutoff for a rule that is "older than" an age and otherwise fixed (retention, or an age and header
 *        tests), the cutoff it has on a given day: of the mail an earlier run saw, only what crossed the cutoff
 *        since can newly match
 * @param changesOnly whether its SEARCH finds only messages its actions change (see {@link FlagChanges#narrow})
 */
record CompiledRule(String name, CompiledCondition condition, List<ActionTemplate> actions, boolean newMailOnly,
        Optional<UnaryOperator<LocalDate>> agedCutoff, boolean changesOnly) {

    CompiledRule {
        actions = List.copyOf(actions);
        for (int i = 0; i < actions.size() - 1; i++) {
            if (actions.get(i).terminal()) {
                throw new IllegalArgumentException("rule " + name + " has actions after its terminal action");
            }
        }
    }

    CompiledRule(String name, CompiledCondition condition, List<ActionTemplate> actions, boolean newMailOnly,
            Optional<UnaryOperator<LocalDate>> agedCutoff) {
        this(name, condition, actions, newMailOnly, agedCutoff, false);
    }

    boolean isTerminal() {
        return !actions.isEmpty() && actions.getLast().terminal();
    }
}
