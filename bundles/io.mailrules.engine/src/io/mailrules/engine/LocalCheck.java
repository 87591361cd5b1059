package io.mailrules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.mailrules.core.source.MessageHeaders;

/**
 * The part of a condition decided on this side of the wire, with the header fields it reads and why SEARCH could
 * not decide it, so the cost of a header fetch is visible to the user.
 *
 * @param fields header field names the test reads, case-insensitive; internal date, size and flags come with every
 *        fetch and are not listed
 * @param reasons why the server could not decide it, e.g. {@code regex}
 */
record LocalCheck(Predicate<MessageHeaders> test, Set<String> fields, List<String> reasons) {

    LocalCheck {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(fields);
        fields = names;
        reasons = List.copyOf(reasons.stream().distinct().toList());
    }

    static LocalCheck of(Predicate<MessageHeaders> test, Set<String> fields, String reason) {
        return new LocalCheck(test, fields, reason == null ? List.of() : List.of(reason));
    }

    static LocalCheck all(Collection<LocalCheck> checks) {
        List<Predicate<MessageHeaders>> tests = checks.stream().map(LocalCheck::test).toList();
        return combine(checks, message -> tests.stream().allMatch(test -> test.test(message)));
    }

    static LocalCheck any(Collection<LocalCheck> checks) {
        List<Predicate<MessageHeaders>> tests = checks.stream().map(LocalCheck::test).toList();
        return combine(checks, message -> tests.stream().anyMatch(test -> test.test(message)));
    }

    LocalCheck negate() {
        return new LocalCheck(test.negate(), fields, reasons);
    }

    private static LocalCheck combine(Collection<LocalCheck> checks, Predicate<MessageHeaders> test) {
        Set<String> fields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> reasons = new ArrayList<>();
        for (LocalCheck check : checks) {
            fields.addAll(check.fields());
            reasons.addAll(check.reasons());
        }
        return new LocalCheck(test, fields, reasons);
    }
}
