package io.mailrules.dsl.analysis;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.eclipse.emf.ecore.resource.Resource;

import io.mailrules.core.check.ChangeKind;
import io.mailrules.core.check.ChangeLimit;
import io.mailrules.core.check.ChangeLimits;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.LimitAmount;
import io.mailrules.dsl.mailrules.LimitJoin;
import io.mailrules.dsl.mailrules.LimitSetting;
import io.mailrules.dsl.mailrules.LimitedChange;
import io.mailrules.dsl.mailrules.Limits;

/**
 * The change limits a rules block or retention policy runs under: what its {@code limits { ... }} sets, the
 * defaults for the rest.
 */
public final class JobLimits {

    private JobLimits() {
    }

    public static ChangeLimits of(Job job) {
        ChangeLimits limits = ChangeLimits.DEFAULTS;
        for (ChangeKind kind : ChangeKind.values()) {
            Optional<ChangeLimit> own = own(job, kind);
            if (own.isPresent()) {
                limits = kind == ChangeKind.REMOVE ? limits.withRemove(own.get()) : limits.withMove(own.get());
            }
        }
        return limits;
    }

    /** The limit the block sets itself for {@code kind}; the first setting when it sets one twice. */
    public static Optional<ChangeLimit> own(Job job, ChangeKind kind) {
        Limits limits = job.getLimits();
        if (limits == null) {
            return Optional.empty();
        }
        return limits.getSettings().stream().filter(setting -> kind(setting) == kind).findFirst()
                .map(setting -> limit(setting, where(setting)));
    }

    public static ChangeKind kind(LimitSetting setting) {
        return setting.getChange() == LimitedChange.REMOVE ? ChangeKind.REMOVE : ChangeKind.MOVE;
    }

    /**
     * The limit a setting writes. Two shares or two numbers are a validation error; should such a file be
     * planned anyway, the tighter of the two counts.
     */
    public static ChangeLimit limit(LimitSetting setting, String source) {
        OptionalInt percent = OptionalInt.empty();
        OptionalLong messages = OptionalLong.empty();
        for (LimitAmount amount : new LimitAmount[] {setting.getFirst(), setting.getSecond()}) {
            if (amount == null) {
                continue;
            }
            if (amount.isPercent()) {
                int value = Math.min(Math.max(amount.getValue(), 0), 100);
                percent = OptionalInt.of(percent.isPresent() ? Math.min(percent.getAsInt(), value) : value);
            } else {
                long value = Math.max(amount.getValue(), 0);
                messages = OptionalLong.of(messages.isPresent() ? Math.min(messages.getAsLong(), value) : value);
            }
        }
        return new ChangeLimit(percent, messages, setting.getJoin() == LimitJoin.OR, source);
    }

    /** E.g. {@code set in sales.mailrules, line 4}. */
    private static String where(LimitSetting setting) {
        Resource resource = setting.eResource();
        String file = resource == null || resource.getURI() == null ? null : resource.getURI().lastSegment();
        int line = Describe.line(setting);
        return "set in " + (file == null ? "the rules file" : file) + (line > 0 ? ", line " + line : "");
    }
}
