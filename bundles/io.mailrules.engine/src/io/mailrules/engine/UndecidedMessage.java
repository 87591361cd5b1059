package io.mailrules.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * A message a rule could not decide (its pattern ran out of time on the message's headers), which the plan
 * therefore leaves alone: no rule acts on it in this run, not even one that matched it before, since its fate
 * depended on the verdict that is missing. A warning of the plan.
 *
 * @param folder the layout path of the folder the message is in
 * @param rule the rule that gave up, as the plan names rules
 * @param reason why, without the header's value (e.g. {@code its pattern "(a+)+$" on Subject gave up: ...})
 */
public record UndecidedMessage(String mailbox, String folder, long uid, Optional<String> messageId, String rule,
        String reason) {

    public UndecidedMessage {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    /** The warning as people read it, naming the message so that it can be found in any mail client. */
    public String describe() {
        return "Mailbox " + mailbox + ", folder " + folder + ", UID " + uid
                + messageId.map(id -> " (Message-ID " + id + ")").orElse("") + ": rule " + rule + " could not decide"
                + " it, " + reason + "; the message is left alone (no action) in this run";
    }
}
