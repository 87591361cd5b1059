package io.mailrules.cli.fleet;

import java.util.ArrayList;
import java.util.List;

import io.mailrules.cli.log.Log;
import io.mailrules.engine.UndecidedMessage;

/**
 * The {@code undecided} event of {@code run} and {@code serve}: a message a rule's pattern gave up on, which the
 * plan leaves alone. A warning: nothing failed, but a person should look at the message or the pattern.
 */
public final class UndecidedLog {

    private UndecidedLog() {
    }

    /** @param context fields that come before the message's, e.g. the schedule and job of a served firing */
    public static void write(Log log, UndecidedMessage message, Object... context) {
        List<Object> fields = new ArrayList<>(List.of(context));
        fields.addAll(List.of("mailbox", message.mailbox(), "folder", message.folder(), "uid", message.uid(),
                "messageId", message.messageId().orElse("-"), "rule", message.rule(), "reason", message.reason(),
                "message", "the message is left alone (no action) in this run"));
        log.warn("undecided", fields.toArray());
    }
}
