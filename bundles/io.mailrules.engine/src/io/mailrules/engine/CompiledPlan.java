package io.mailrules.engine;

import java.util.List;
import java.util.Objects;

import io.mailrules.core.plan.Plan;

/** A plan and how each of its rules was evaluated, for a preview that says why as well as what. */
public record CompiledPlan(Plan plan, List<RuleExplanation> explanations) {
    public CompiledPlan {
        Objects.requireNonNull(plan, "plan");
        explanations = List.copyOf(explanations);
    }
}
