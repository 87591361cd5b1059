package io.mailrules.dsl.validation;

import static io.mailrules.dsl.mailrules.MailrulesPackage.Literals.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

import io.mailrules.core.check.ChangeKind;
import io.mailrules.core.check.ChangeLimit;
import io.mailrules.dsl.analysis.Describe;
import io.mailrules.dsl.analysis.JobLimits;
import io.mailrules.dsl.analysis.Rules;
import io.mailrules.dsl.mailrules.Action;
import io.mailrules.dsl.mailrules.AgeCondition;
import io.mailrules.dsl.mailrules.Always;
import io.mailrules.dsl.mailrules.And;
import io.mailrules.dsl.mailrules.Condition;
import io.mailrules.dsl.mailrules.DeleteAction;
import io.mailrules.dsl.mailrules.ExpungeAction;
import io.mailrules.dsl.mailrules.LimitAmount;
import io.mailrules.dsl.mailrules.LimitSetting;
import io.mailrules.dsl.mailrules.Limits;
import io.mailrules.dsl.mailrules.Not;
import io.mailrules.dsl.mailrules.Or;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.SizeCondition;

/**
 * Change limits ({@code limits { remove at most 20% and 2000 }}): shares within 0..100%, a share joined with a
 * number rather than two of a kind, one setting per kind of change; and rules that remove mail on a condition so
 * broad that a run would remove much of a folder, which the limits then stop.
 */
public class LimitsValidator extends MailrulesCheckBase {

    @Check
    public void checkSetting(LimitSetting setting) {
        List<LimitAmount> amounts = new ArrayList<>();
        amounts.add(setting.getFirst());
        if (setting.getSecond() != null) {
            amounts.add(setting.getSecond());
        }
        for (LimitAmount amount : amounts) {
            if (amount != null && amount.isPercent() && amount.getValue() > 100) {
                error("A limit of " + Describe.element(setting) + " allows " + amount.getValue()
                        + "% of a folder; a share is 0% to 100%", amount, LIMIT_AMOUNT__VALUE,
                        MailrulesIssueCodes.INVALID_LIMIT);
            }
        }
        if (amounts.size() == 2 && amounts.get(0) != null && amounts.get(1) != null
                && amounts.get(0).isPercent() == amounts.get(1).isPercent()) {
            error("The " + setting.getChange().getLiteral() + " limit of " + Describe.element(setting) + " joins two "
                    + (amounts.get(0).isPercent() ? "shares" : "numbers of messages")
                    + "; join a share and a number, e.g. 'at most 20% and 2000'", setting.getSecond(), null,
                    MailrulesIssueCodes.INVALID_LIMIT);
        }
    }

    @Check
    public void checkOnePerKind(Limits limits) {
        Set<ChangeKind> seen = EnumSet.noneOf(ChangeKind.class);
        for (LimitSetting setting : limits.getSettings()) {
            if (!seen.add(JobLimits.kind(setting))) {
                error("The " + setting.getChange().getLiteral() + " limit of " + Describe.element(limits)
                        + " is set twice; keep one", setting, LIMIT_SETTING__CHANGE,
                        MailrulesIssueCodes.DUPLICATE_SETTING);
            }
        }
    }

    /**
     * A rule that removes everything older or larger than something removes a large part of its folder on the first
     * run; say so while it is written, not when a run stops at the limit. Retention entries are broad by design and
     * are not warned about; neither is a block that sets its own remove limit, since its author thought about it.
     */
    @Check
    public void checkBroadRemoval(Rule rule) {
        if (!(rule.eContainer() instanceof RuleBlock block) || rule.getCondition() == null
                || rule.getCondition() instanceof Always || !testsOnlyAgeOrSize(rule.getCondition())
                || JobLimits.own(block, ChangeKind.REMOVE).isPresent()) {
            return;
        }
        Optional<Action> removal = rule.getActions().stream()
                .filter(action -> action instanceof DeleteAction || action instanceof ExpungeAction).findFirst();
        if (removal.isEmpty()) {
            return;
        }
        ChangeLimit limit = JobLimits.of(block).remove();
        String verb = removal.get() instanceof DeleteAction ? "moves to Trash" : "permanently removes";
        warning(RuleValidator.capitalize(Describe.rule(rule)) + " " + verb + " every message in \""
                + Rules.sourceFolder(block) + "\" that is " + Describe.text(rule.getCondition())
                + ": its condition tests only age or size, so a run may remove most of the folder. A run refuses to"
                + " remove more than " + limit.describe() + " of a folder's messages; if that much is meant, set"
                + " 'limits { remove at most ... }' in " + Describe.element(block), removal.get(), null,
                MailrulesIssueCodes.BROAD_REMOVAL);
    }

    private static boolean testsOnlyAgeOrSize(Condition condition) {
        List<EObject> parts = new ArrayList<>();
        parts.add(condition);
        condition.eAllContents().forEachRemaining(parts::add);
        return parts.stream().allMatch(part -> part instanceof AgeCondition || part instanceof SizeCondition
                || part instanceof And || part instanceof Or || part instanceof Not || part instanceof Always);
    }
}
