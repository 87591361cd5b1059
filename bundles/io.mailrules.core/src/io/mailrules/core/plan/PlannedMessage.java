package io.mailrules.core.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One row of the dry run: a message, the rules that matched it in order, and the actions they add up to.
 *
 * @param messageId the Message-ID header, absent when the message has none or the plan was made to be applied at once
 *        (such plans read no per-message fields: undo and resume find moved mail by UIDs the server reports)
 * @param internalDate when the message arrived; absent in a plan made to be applied at once, which needs no dates
 * @param from the From header as shown to the user, empty when missing
 * @param subject the Subject header, empty when missing
 * @param rules the names of the matching rules in evaluation order; the last one decided the message's fate
 * @param actions the accumulated actions; at most one terminal action, and only as the last
 */
public record PlannedMessage(long uid, Optional<String> messageId, Optional<Instant> internalDate, String from, String subject,
        List<String> rules, List<Action> actions) {

    public PlannedMessage {
        Require.uid32(uid, "uid");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(internalDate, "internalDate");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        rules = List.copyOf(rules);
        actions = List.copyOf(actions);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("message " + uid + " is planned without a matching rule");
        }
        rules.forEach(rule -> Require.name(rule, "rule"));
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("message " + uid + " is planned without an action");
        }
        for (int i = 0; i < actions.size() - 1; i++) {
            if (actions.get(i).isTerminal()) {
                throw new IllegalArgumentException("message " + uid + ": terminal action \""
                        + actions.get(i).describe() + "\" must be the last action");
            }
        }
    }

    /** The rule that decided the message: the one whose terminal action ended evaluation, or the last to match. */
    public String ruleName() {
        return rules.getLast();
    }

    /** The folder the message will end up in, if it leaves its folder. */
    public Optional<String> targetFolder() {
        return actions.getLast().destination();
    }

    /** E.g. {@code add $AutoReply, move to AutoReplies}. */
    public String actionSummary() {
        return actions.stream().map(Action::describe).collect(Collectors.joining(", "));
    }
}
