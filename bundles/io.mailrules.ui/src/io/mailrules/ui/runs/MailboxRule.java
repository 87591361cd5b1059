package io.mailrules.ui.runs;

import java.util.Objects;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

/** Jobs on the same mailbox (by its name in the rules files) run one after the other, never together. */
final class MailboxRule implements ISchedulingRule {

    private final String mailbox;

    MailboxRule(String mailbox) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public boolean contains(ISchedulingRule rule) {
        return rule == this || (rule instanceof MailboxRule other && other.mailbox.equals(mailbox));
    }

    @Override
    public boolean isConflicting(ISchedulingRule rule) {
        return rule instanceof MailboxRule other && other.mailbox.equals(mailbox);
    }

    @Override
    public String toString() {
        return "mailbox " + mailbox;
    }
}
