package io.mailrules.engine;

import java.time.LocalDate;
import java.util.function.Function;

import io.mailrules.core.plan.Action;

/**
 * An action as a rule states it, made concrete per message: a target such as {@code Archive/{year}} depends on the
 * day the message arrived.
 *
 * @param period how much of the arrival day the action depends on; any day of that period resolves it the same way
 */
record ActionTemplate(boolean terminal, TargetPeriod period, Function<LocalDate, Action> resolver) {

    static ActionTemplate fixed(Action action) {
        return new ActionTemplate(action.isTerminal(), TargetPeriod.NONE, day -> action);
    }

    /** @param arrival a day in the period the message arrived in; ignored by an action of {@link TargetPeriod#NONE} */
    Action resolve(LocalDate arrival) {
        return resolver.apply(arrival);
    }
}
