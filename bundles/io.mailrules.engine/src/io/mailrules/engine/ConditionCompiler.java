package io.mailrules.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.mailrules.core.plan.SystemFlag;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.MessageHeaders;
import io.mailrules.dsl.mailrules.AgeCondition;
import io.mailrules.dsl.mailrules.AgeDirection;
import io.mailrules.dsl.mailrules.Always;
import io.mailrules.dsl.mailrules.And;
import io.mailrules.dsl.mailrules.Condition;
import io.mailrules.dsl.mailrules.ContainsMatcher;
import io.mailrules.dsl.mailrules.DomainMatcher;
import io.mailrules.dsl.mailrules.ExistsMatcher;
import io.mailrules.dsl.mailrules.FieldCondition;
import io.mailrules.dsl.mailrules.FieldSelector;
import io.mailrules.dsl.mailrules.FlagCondition;
import io.mailrules.dsl.mailrules.IsMatcher;
import io.mailrules.dsl.mailrules.KeywordCondition;
import io.mailrules.dsl.mailrules.MatchesMatcher;
import io.mailrules.dsl.mailrules.Not;
import io.mailrules.dsl.mailrules.Or;
import io.mailrules.dsl.mailrules.SizeComparison;
import io.mailrules.dsl.mailrules.SizeCondition;
import io.mailrules.dsl.mailrules.SizeUnit;
import io.mailrules.dsl.mailrules.StandardField;
import io.mailrules.dsl.mailrules.TimeUnit;

/**
 * Compiles rule conditions so that the server does as much as IMAP SEARCH can express and the client only decides
 * what SEARCH cannot (regular expressions, exact comparisons, address domains).
 */
final class ConditionCompiler {

    static final String REGEX = "regex";
    static final String EXACT = "exact comparison";
    static final String DOMAIN = "domain";

    private final LocalDate today;
    private final ZoneId zone;
    private final RegexBudget regexBudget;

    /** @param today the day ages count from, in {@code zone}, the time zone the server's day boundaries are taken in */
    ConditionCompiler(LocalDate today, ZoneId zone) {
        this(today, zone, new RegexBudget(RegexBudget.PER_MESSAGE));
    }

    ConditionCompiler(LocalDate today, ZoneId zone, RegexBudget regexBudget) {
        this.today = today;
        this.zone = zone;
        this.regexBudget = regexBudget;
    }

    CompiledCondition compile(Condition condition) {
        return switch (condition) {
            case And and -> conjunction(and.getOperands().stream().map(this::compile).toList());
            case Or or -> disjunction(or.getOperands().stream().map(this::compile).toList());
            case Not not -> negation(compile(not.getOperand()));
            case Always always -> CompiledCondition.exact(SearchKey.all(), local(message -> true, Set.of()));
            case FieldCondition field -> field(field);
            case AgeCondition age -> age(age);
            case SizeCondition size -> size(size);
            case FlagCondition flag -> flag(flag);
            case KeywordCondition keyword -> CompiledCondition.exact(new SearchKey.Keyword(keyword.getKeyword()),
                    local(message -> message.flags().keywords().stream()
                            .anyMatch(keyword.getKeyword()::equalsIgnoreCase), Set.of()));
            default -> throw new IllegalArgumentException("unknown condition " + condition.eClass().getName());
        };
    }

    /** The day before which {@code older than amount unit} holds. */
    LocalDate cutoff(int amount, TimeUnit unit) {
        return cutoff(today, amount, unit);
    }

    /** The day before which {@code older than amount unit} holds when ages are counted from {@code day}. */
    static LocalDate cutoff(LocalDate day, int amount, TimeUnit unit) {
        return unit == TimeUnit.MONTHS ? day.minusMonths(amount) : day.minusDays(amount);
    }

    LocalDate dayOf(MessageHeaders message) {
        return LocalDate.ofInstant(message.internalDate(), zone);
    }

    /**
     * A condition asked only about the messages in {@code state}, an exact condition on flags: the server narrows by
     * both, and a check of fetched headers tests the state too. The condition's confirming SEARCH stays as it is:
     * it is asked among the candidates, which are all in the state already.
     */
    static CompiledCondition within(CompiledCondition condition, CompiledCondition state) {
        CompiledCondition both = conjunction(List.of(condition, state));
        return new CompiledCondition(both.narrowing(),
                condition.residual().map(residual -> LocalCheck.all(List.of(residual, state.standalone()))),
                both.standalone(), condition.confirming());
    }

    private static CompiledCondition conjunction(List<CompiledCondition> operands) {
        List<SearchKey> keys = new ArrayList<>();
        for (CompiledCondition operand : operands) {
            if (operand.narrowing() instanceof SearchKey.And and) {
                keys.addAll(and.keys());
            } else if (!(operand.narrowing() instanceof SearchKey.All)) {
                keys.add(operand.narrowing());
            }
        }
        SearchKey narrowing = keys.isEmpty() ? SearchKey.all() : keys.size() == 1 ? keys.getFirst() : new SearchKey.And(keys);
        // Every candidate already satisfies each operand's narrowing, so only the inexact operands remain to check.
        List<LocalCheck> residuals = operands.stream().flatMap(operand -> operand.residual().stream()).toList();
        LocalCheck standalone = LocalCheck.all(operands.stream().map(CompiledCondition::standalone).toList());
        if (residuals.isEmpty()) {
            return CompiledCondition.exact(narrowing, standalone);
        }
        List<SearchKey> certain = new ArrayList<>();
        for (CompiledCondition operand : operands) {
            operand.certain().filter(key -> !(key instanceof SearchKey.All)).ifPresent(certain::add);
        }
        boolean allCertain = operands.stream().allMatch(operand -> operand.certain().isPresent());
        Optional<SearchKey> confirming = allCertain && !certain.isEmpty()
                ? Optional.of(certain.size() == 1 ? certain.getFirst() : new SearchKey.And(certain))
                : Optional.empty();
        return new CompiledCondition(narrowing, Optional.of(LocalCheck.all(residuals)), standalone, confirming);
    }

    private static CompiledCondition disjunction(List<CompiledCondition> operands) {
        SearchKey narrowing = null;
        for (CompiledCondition operand : operands) {
            if (operand.narrowing() instanceof SearchKey.All) {
                narrowing = SearchKey.all();
                break;
            }
            narrowing = narrowing == null ? operand.narrowing() : SearchKey.or(narrowing, operand.narrowing());
        }
        LocalCheck standalone = LocalCheck.any(operands.stream().map(CompiledCondition::standalone).toList());
        boolean exact = operands.stream().allMatch(CompiledCondition::isExact);
        if (exact) {
            return CompiledCondition.exact(narrowing, standalone);
        }
        // A candidate found through one operand's narrowing may still satisfy another operand exactly, so an
        // inexact disjunction is decided as a whole; what any operand's certain SEARCH finds matches for sure.
        SearchKey confirming = null;
        for (CompiledCondition operand : operands) {
            SearchKey certain = operand.certain().orElse(null);
            if (certain != null) {
                confirming = confirming == null ? certain : SearchKey.or(confirming, certain);
            }
        }
        return new CompiledCondition(narrowing, Optional.of(standalone), standalone, Optional.ofNullable(confirming));
    }

    private static CompiledCondition negation(CompiledCondition operand) {
        LocalCheck standalone = operand.standalone().negate();
        if (operand.isExact()) {
            return CompiledCondition.exact(SearchKey.not(operand.narrowing()), standalone);
        }
        // The complement of a superset is a subset: the server cannot narrow a negated inexact condition.
        return new CompiledCondition(SearchKey.all(), Optional.of(standalone), standalone);
    }

    private CompiledCondition field(FieldCondition condition) {
        FieldSelector selector = condition.getField();
        String name = HeaderFields.name(selector);
        Set<String> fields = Set.of(name);
        return switch (condition.getMatcher()) {
            case ContainsMatcher contains -> CompiledCondition.exact(substring(selector, contains.getValue()),
                    local(anyValue(name, value -> containsIgnoreCase(value, contains.getValue())), fields));
            case ExistsMatcher exists -> CompiledCondition.exact(new SearchKey.Header(name, ""),
                    local(message -> message.has(name), fields));
            case IsMatcher is -> {
                boolean address = HeaderFields.isAddressField(selector);
                LocalCheck check = LocalCheck.of(anyValue(name, value -> value.strip().equalsIgnoreCase(is.getValue())
                        || address && HeaderFields.addresses(value).stream().anyMatch(is.getValue()::equalsIgnoreCase)),
                        fields, EXACT);
                yield new CompiledCondition(substring(selector, is.getValue()), Optional.of(check), check);
            }
            case MatchesMatcher matches -> {
                Pattern pattern = Pattern.compile(matches.getRegex() != null ? matches.getRegex() : matches.getPattern(),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                // Bounded per message: a crafted header must not stall the plan (see RegexBudget).
                LocalCheck check = LocalCheck.of(message -> regexBudget.findInAny(pattern, name, message.values(name)),
                        fields, REGEX);
                yield new CompiledCondition(new SearchKey.Header(name, ""), Optional.of(check), check);
            }
            case DomainMatcher domain -> {
                String wanted = domain.getValue().toLowerCase(Locale.ROOT);
                LocalCheck check = LocalCheck.of(anyValue(name, value -> HeaderFields.domains(value).stream()
                        .anyMatch(found -> found.equals(wanted) || found.endsWith("." + wanted))), fields, DOMAIN);
                Optional<SearchKey> confirming = HeaderFields.isAddressField(selector)
                        ? Optional.of(SearchKey.or(substring(selector, "@" + wanted + ">"),
                                substring(selector, "." + wanted + ">")))
                        : Optional.empty();
                yield new CompiledCondition(substring(selector, domain.getValue()), Optional.of(check), check,
                        confirming);
            }
            default -> throw new IllegalArgumentException("unknown matcher " + condition.getMatcher().eClass().getName());
        };
    }

    private static SearchKey substring(FieldSelector selector, String text) {
        if (selector instanceof StandardField standard) {
            return switch (standard.getKind()) {
                case FROM -> new SearchKey.From(text);
                case TO -> new SearchKey.To(text);
                case CC -> new SearchKey.Cc(text);
                case SUBJECT -> new SearchKey.Subject(text);
            };
        }
        return new SearchKey.Header(HeaderFields.name(selector), text);
    }

    private CompiledCondition age(AgeCondition condition) {
        LocalDate cutoff = cutoff(condition.getAmount(), condition.getUnit());
        if (condition.getDirection() == AgeDirection.OLDER) {
            return CompiledCondition.exact(new SearchKey.Before(cutoff),
                    local(message -> dayOf(message).isBefore(cutoff), Set.of()));
        }
        return CompiledCondition.exact(new SearchKey.Since(cutoff),
                local(message -> !dayOf(message).isBefore(cutoff), Set.of()));
    }

    private static CompiledCondition size(SizeCondition condition) {
        long bytes = condition.getAmount() * (condition.getUnit() == SizeUnit.MB ? 1024L * 1024 : 1024L);
        if (condition.getComparison() == SizeComparison.LARGER) {
            return CompiledCondition.exact(new SearchKey.Larger(bytes), local(message -> message.size() > bytes, Set.of()));
        }
        return CompiledCondition.exact(new SearchKey.Smaller(bytes), local(message -> message.size() < bytes, Set.of()));
    }

    private static CompiledCondition flag(FlagCondition condition) {
        SystemFlag flag = switch (condition.getFlag()) {
            case FLAGGED -> SystemFlag.FLAGGED;
            case SEEN -> SystemFlag.SEEN;
            case ANSWERED -> SystemFlag.ANSWERED;
        };
        return CompiledCondition.exact(new SearchKey.HasFlag(flag),
                local(message -> message.flags().system().contains(flag), Set.of()));
    }

    private static LocalCheck local(Predicate<MessageHeaders> test, Set<String> fields) {
        return LocalCheck.of(test, fields, null);
    }

    private static Predicate<MessageHeaders> anyValue(String field, Predicate<String> test) {
        return message -> message.values(field).stream().anyMatch(test);
    }

    private static boolean containsIgnoreCase(String value, String part) {
        return value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
