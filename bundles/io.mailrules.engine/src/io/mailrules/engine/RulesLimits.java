package io.mailrules.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.mailrules.core.check.BlockLimits;
import io.mailrules.core.check.ChangeLimits;
import io.mailrules.dsl.analysis.Describe;
import io.mailrules.dsl.analysis.JobLimits;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.Retention;
import io.mailrules.dsl.mailrules.RetentionPolicy;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;

/**
 * The change limits of a rules file's blocks and retention policies, found by the names its plans give their rules,
 * so that a plan can be checked against them before a run sends anything.
 */
public final class RulesLimits {

    private RulesLimits() {
    }

    public static BlockLimits of(Model model) {
        Map<String, BlockLimits.Block> byRule = new HashMap<>();
        for (Job job : JobSelection.jobs(model, Optional.empty())) {
            BlockLimits.Block block = new BlockLimits.Block(Describe.element(job), JobLimits.of(job));
            if (job instanceof RuleBlock rules) {
                for (Rule rule : rules.getRules()) {
                    byRule.put(JobCompiler.ruleName(rule), block);
                }
            } else {
                for (RetentionPolicy policy : ((Retention) job).getPolicies()) {
                    byRule.put(JobCompiler.policyName(policy), block);
                }
            }
        }
        return new BlockLimits(byRule, ChangeLimits.DEFAULTS);
    }
}
