package io.mailrules.engine;

import java.util.List;
import java.util.Objects;

import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.source.FolderNameException;

/**
 * A plan and how each of its rules was evaluated, for a preview that says why as well as what.
 *
 * @param folderStates what planning saw of every folder it evaluated, acted on or not: once a run has applied the
 *        plan to a folder without a failure, recording its state lets the next run look at new mail only
 * @param notPlanned the mailboxes whose rules name a folder their server cannot name: they are not in the plan, and
 *        the plan is of the other mailboxes
 */
public record CompiledPlan(Plan plan, List<RuleExplanation> explanations, List<FolderState> folderStates,
        List<FolderNameException> notPlanned) {
    public CompiledPlan {
        Objects.requireNonNull(plan, "plan");
        explanations = List.copyOf(explanations);
        folderStates = List.copyOf(folderStates);
        notPlanned = List.copyOf(notPlanned);
    }

    public CompiledPlan(Plan plan, List<RuleExplanation> explanations) {
        this(plan, explanations, List.of(), List.of());
    }
}
