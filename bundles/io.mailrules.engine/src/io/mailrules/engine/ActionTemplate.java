package io.mailrules.engine;

import java.time.LocalDate;
import java.util.function.Function;

import io.mailrules.core.plan.Action;

/**
 * An action as a rule states it, made concrete per message: a target such as {@code Archive/{year}} depends on the
 * day the message arrived.
 */
record ActionTemplate(boolean terminal, Function<LocalDate, Action> resolver) {

    static ActionTemplate fixed(Action action) {
        return new ActionTemplate(action.isTerminal(), day -> action);
    }

    Action resolve(LocalDate arrival) {
        return resolver.apply(arrival);
    }
}
