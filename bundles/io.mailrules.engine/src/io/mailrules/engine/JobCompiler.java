package io.mailrules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.time.LocalDate;

import org.eclipse.emf.ecore.EObject;

import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.SystemFlag;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.FolderPaths;
import io.mailrules.dsl.analysis.Rules;
import io.mailrules.dsl.mailrules.AgeCondition;
import io.mailrules.dsl.mailrules.AgeDirection;
import io.mailrules.dsl.mailrules.And;
import io.mailrules.dsl.mailrules.Condition;
import io.mailrules.dsl.mailrules.CopyAction;
import io.mailrules.dsl.mailrules.FlagCondition;
import io.mailrules.dsl.mailrules.KeywordCondition;
import io.mailrules.dsl.mailrules.DeleteAction;
import io.mailrules.dsl.mailrules.ExpungeAction;
import io.mailrules.dsl.mailrules.FlagAction;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.KeywordAction;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.MarkAction;
import io.mailrules.dsl.mailrules.MoveAction;
import io.mailrules.dsl.mailrules.Retention;
import io.mailrules.dsl.mailrules.RetentionPolicy;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;

/**
 * Compiles one rules block or retention policy into the rules each folder runs. A retention entry is a rule like
 * any other, with an age as its condition and one terminal action, so both share the evaluation of
 * {@link FolderEvaluator}.
 */
final class JobCompiler {

    private final ConditionCompiler conditions;

    JobCompiler(ConditionCompiler conditions) {
        this.conditions = conditions;
    }

    static String ruleName(Rule rule) {
        RuleBlock block = (RuleBlock) rule.eContainer();
        String own = rule.getName() != null ? rule.getName() : "rule #" + (block.getRules().indexOf(rule) + 1);
        return block.getName() + "/" + own;
    }

    static String policyName(RetentionPolicy policy) {
        Retention retention = (Retention) policy.eContainer();
        return retention.getName() + "/" + FolderPaths.normalize(policy.getFolder()) + " keep " + policy.getAmount()
                + " " + policy.getUnit().getLiteral();
    }

    /** The folder layout a job checks its folders against, or null when it names none. */
    static Layout layout(Job job) {
        return job instanceof RuleBlock block ? block.getLayout() : ((Retention) job).getLayout();
    }

    List<FolderRules> compile(Job job, FolderTargets targets) {
        if (job instanceof RuleBlock block) {
            String source = Rules.sourceFolder(block);
            List<CompiledRule> rules = new ArrayList<>();
            for (Rule rule : block.getRules()) {
                try {
                    if (movesIntoOwnFolder(rule, source, targets)) {
                        // Validation reports this as an error; a plan made regardless must not loop mail in place.
                        continue;
                    }
                    rules.add(new CompiledRule(ruleName(rule), conditions.compile(rule.getCondition()),
                            actions(rule, source, targets), verdictIsFixed(rule.getCondition()),
                            agedCutoff(rule.getCondition())));
                } catch (UnusableFolder e) {
                    throw e.in("rule " + ruleName(rule));
                }
            }
            return List.of(new FolderRules(source, rules));
        }
        Map<String, List<CompiledRule>> byFolder = new LinkedHashMap<>();
        for (RetentionPolicy policy : ((Retention) job).getPolicies()) {
            String folder = FolderPaths.normalize(policy.getFolder());
            CompiledCondition condition = retentionCondition(policy);
            ActionTemplate action;
            try {
                action = terminal(policy.getAction(), targets);
            } catch (UnusableFolder e) {
                throw e.in("retention " + policyName(policy));
            }
            byFolder.computeIfAbsent(folder, key -> new ArrayList<>())
                    .add(new CompiledRule(policyName(policy), condition, List.of(action), false,
                            Optional.of(day -> ConditionCompiler.cutoff(day, policy.getAmount(), policy.getUnit()))));
        }
        return byFolder.entrySet().stream().map(entry -> new FolderRules(entry.getKey(), entry.getValue())).toList();
    }

    /** A condition on headers, size and the like gives a message the same verdict every time it is asked. */
    private static boolean verdictIsFixed(Condition condition) {
        if (condition == null) {
            return false;
        }
        List<EObject> parts = new ArrayList<>();
        parts.add(condition);
        condition.eAllContents().forEachRemaining(parts::add);
        return parts.stream().noneMatch(part -> part instanceof AgeCondition || part instanceof FlagCondition
                || part instanceof KeywordCondition);
    }

    /** {@code older than N} alone, or and-ed with conditions whose verdict never changes. */
    private static Optional<UnaryOperator<LocalDate>> agedCutoff(Condition condition) {
        List<Condition> operands = condition instanceof And and ? and.getOperands() : List.of(condition);
        List<AgeCondition> ages = operands.stream().filter(AgeCondition.class::isInstance)
                .map(AgeCondition.class::cast).toList();
        boolean restFixed = operands.stream().filter(operand -> !(operand instanceof AgeCondition))
                .allMatch(JobCompiler::verdictIsFixed);
        if (ages.size() != 1 || ages.getFirst().getDirection() != AgeDirection.OLDER || !restFixed) {
            return Optional.empty();
        }
        AgeCondition age = ages.getFirst();
        return Optional.of(day -> ConditionCompiler.cutoff(day, age.getAmount(), age.getUnit()));
    }

    List<RuleExplanation> explain(Job job) {
        List<RuleExplanation> explanations = new ArrayList<>();
        if (job instanceof RuleBlock block) {
            String source = Rules.sourceFolder(block);
            for (Rule rule : block.getRules()) {
                explanations.add(explanation(block.getName(), ruleName(rule), source,
                        conditions.compile(rule.getCondition())));
            }
        } else {
            Retention retention = (Retention) job;
            for (RetentionPolicy policy : retention.getPolicies()) {
                explanations.add(explanation(retention.getName(), policyName(policy), policy.getFolder(),
                        retentionCondition(policy)));
            }
        }
        return explanations;
    }

    private static RuleExplanation explanation(String job, String rule, String folder, CompiledCondition condition) {
        String search = "server SEARCH: " + condition.narrowing().toImap().toImapText();
        if (condition.isExact()) {
            return new RuleExplanation(job, rule, folder, false, search);
        }
        LocalCheck check = condition.residual().orElseThrow();
        return new RuleExplanation(job, rule, folder, true, search + ", then needs header fetch of "
                + String.join(", ", check.fields()) + " because " + String.join(" and ", check.reasons()));
    }

    private CompiledCondition retentionCondition(RetentionPolicy policy) {
        LocalDate cutoff = conditions.cutoff(policy.getAmount(), policy.getUnit());
        return CompiledCondition.exact(new SearchKey.Before(cutoff),
                LocalCheck.of(message -> conditions.dayOf(message).isBefore(cutoff), Set.of(), null));
    }

    private static boolean movesIntoOwnFolder(Rule rule, String source, FolderTargets targets) {
        return rule.getActions().stream().filter(MoveAction.class::isInstance)
                .map(action -> targets.withRoles(((MoveAction) action).getFolder()))
                .anyMatch(target -> FolderPaths.same(target, source));
    }

    private static List<ActionTemplate> actions(Rule rule, String source, FolderTargets targets) {
        List<ActionTemplate> actions = new ArrayList<>();
        for (io.mailrules.dsl.mailrules.Action action : rule.getActions()) {
            if (action instanceof CopyAction copy) {
                if (!FolderPaths.same(targets.withRoles(copy.getFolder()), source)) {
                    Function<LocalDate, String> target = targets.target(copy.getFolder());
                    actions.add(new ActionTemplate(false, targets.period(copy.getFolder()),
                            day -> new Action.Copy(target.apply(day))));
                }
            } else if (Rules.isTerminal(action)) {
                actions.add(terminal(action, targets));
                break;
            } else {
                actions.add(ActionTemplate.fixed(flagChange(action)));
            }
        }
        return actions;
    }

    private static ActionTemplate terminal(io.mailrules.dsl.mailrules.Action action, FolderTargets targets) {
        return switch (action) {
            case MoveAction move -> {
                Function<LocalDate, String> target = targets.target(move.getFolder());
                yield new ActionTemplate(true, targets.period(move.getFolder()),
                        day -> new Action.Move(target.apply(day)));
            }
            case DeleteAction delete -> ActionTemplate.fixed(new Action.Delete(targets.trash()));
            case ExpungeAction expunge -> ActionTemplate.fixed(new Action.Expunge());
            default -> ActionTemplate.fixed(new Action.Stop());
        };
    }

    private static Action flagChange(io.mailrules.dsl.mailrules.Action action) {
        return switch (action) {
            case FlagAction flag -> flags(flag.isFlagged(), new Flags(Set.of(SystemFlag.FLAGGED),
                    new TreeSet<>()));
            case MarkAction mark -> flags(mark.isSeen(), new Flags(Set.of(SystemFlag.SEEN),
                    new TreeSet<>()));
            case KeywordAction keyword -> flags(keyword.isAdd(), Flags.of(keyword.getKeyword()));
            default -> throw new IllegalArgumentException("unknown action " + action.eClass().getName());
        };
    }

    private static Action flags(boolean add, Flags flags) {
        return add ? new Action.AddFlags(flags) : new Action.RemoveFlags(flags);
    }
}
