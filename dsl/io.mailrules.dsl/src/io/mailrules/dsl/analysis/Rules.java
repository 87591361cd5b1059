package io.mailrules.dsl.analysis;

import io.mailrules.core.source.FolderPaths;
import io.mailrules.dsl.mailrules.Action;
import io.mailrules.dsl.mailrules.DeleteAction;
import io.mailrules.dsl.mailrules.ExpungeAction;
import io.mailrules.dsl.mailrules.MoveAction;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.StopAction;

/**
 * Facts about rules that follow from the evaluation semantics in docs/semantics.md.
 */
public final class Rules {

    private Rules() {
    }

    /** The first terminal action ends the evaluation of a message; later rules never see it. */
    public static boolean isTerminal(Action action) {
        return action instanceof MoveAction || action instanceof DeleteAction || action instanceof ExpungeAction
                || action instanceof StopAction;
    }

    public static boolean isTerminal(Rule rule) {
        return rule.getActions().stream().anyMatch(Rules::isTerminal);
    }

    /** The folder a block reads; INBOX when the block does not say. */
    public static String sourceFolder(RuleBlock block) {
        return block.getSource() == null ? FolderPaths.INBOX : block.getSource();
    }
}
