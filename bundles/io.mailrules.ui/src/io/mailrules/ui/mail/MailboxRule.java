package io.mailrules.ui.mail;

import java.util.Collection;
import java.util.Objects;

import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.MultiRule;

import io.mailrules.imap.MailboxSettings;
import io.mailrules.ui.runs.RunServices;

/**
 * Keeps jobs on one mailbox from overlapping (a preview while a run moves the same mail would plan on stale UIDs),
 * while jobs on different mailboxes run side by side. A mailbox is its account, host, port and user, so two rules
 * files that name the same account under different names still take turns. Jobs that read or change mail also take
 * the account's lock ({@link RunServices#locking}), which keeps the commands and other workbenches of the user out.
 */
public final class MailboxRule implements ISchedulingRule {

    private final String account;

    private MailboxRule(String account) {
        this.account = account;
    }

    public static MailboxRule of(MailboxSettings mailbox) {
        return new MailboxRule(mailbox.account().key());
    }

    /** The rule of a job that works on several mailboxes, e.g. a run over a group. */
    public static ISchedulingRule ofAll(Collection<MailboxSettings> mailboxes) {
        return MultiRule.combine(mailboxes.stream().map(MailboxRule::of).toArray(ISchedulingRule[]::new));
    }

    @Override
    public boolean contains(ISchedulingRule rule) {
        return equals(rule);
    }

    @Override
    public boolean isConflicting(ISchedulingRule rule) {
        return equals(rule);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MailboxRule rule && rule.account.equals(account);
    }

    @Override
    public int hashCode() {
        return Objects.hash(account);
    }

    @Override
    public String toString() {
        return "MailboxRule[" + account + "]";
    }
}
