package io.mailrules.ui.runs;

import java.time.Clock;
import java.util.Objects;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

import io.mailrules.core.account.MailboxLockLocation;
import io.mailrules.core.account.MailboxLocks;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.LockingLogins;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.logins.MailboxBlocks;
import io.mailrules.ui.mail.MailboxRule;
import io.mailrules.ui.mail.WorkbenchMail;
import io.mailrules.ui.preview.RulesFile;

/** {@link RunServices} over the workbench's mail layer, whose preferences decide connector and journal. */
public final class WorkbenchRunServices implements RunServices {

    private final WorkbenchMail mail;
    private final Clock clock;

    public WorkbenchRunServices(WorkbenchMail mail, Clock clock) {
        this.mail = Objects.requireNonNull(mail, "mail");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ImapConnector connector() {
        return mail.connector();
    }

    @Override
    public JournalStore journals() {
        return mail.journals();
    }

    @Override
    public MailboxLogins logins(RulesFile rules) {
        return mail.logins(rules.model());
    }

    @Override
    public MailboxLogins unattendedLogins(RulesFile rules) {
        return mail.unattendedLogins(rules.model());
    }

    @Override
    public ISchedulingRule mailboxRule(RulesFile rules, String mailbox) {
        return MailboxRule.of(MailboxBlocks.settings(MailboxBlocks.find(rules.model(), mailbox).orElseThrow(
                () -> new IllegalArgumentException("no mailbox " + mailbox + " in " + rules.file().getFullPath()))));
    }

    @Override
    public LockingLogins locking(MailboxLogins logins) {
        return new LockingLogins(logins, new MailboxLocks(MailboxLockLocation.fromSystem(), "the Mailrules workbench",
                MailboxLocks.DEFAULT_WAIT));
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
