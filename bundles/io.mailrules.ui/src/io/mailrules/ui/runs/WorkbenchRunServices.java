package io.mailrules.ui.runs;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.ui.preview.RulesFile;

/** The workbench's one set of run services; the workbench service factory creates it once. */
public final class WorkbenchRunServices implements RunServices {

    private final ImapConnector connector;
    private final JournalStore journals;
    private final Function<RulesFile, MailboxLogins> logins;
    private final SessionVariables sessionVariables;
    private final Clock clock;
    private final Map<String, ISchedulingRule> rules = new ConcurrentHashMap<>();

    /** @param logins the logins of a rules file's mailboxes, resolved when a mailbox is about to be connected */
    public WorkbenchRunServices(ImapConnector connector, JournalStore journals,
            Function<RulesFile, MailboxLogins> logins, SessionVariables sessionVariables, Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.journals = Objects.requireNonNull(journals, "journals");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.sessionVariables = Objects.requireNonNull(sessionVariables, "sessionVariables");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ImapConnector connector() {
        return connector;
    }

    @Override
    public JournalStore journals() {
        return journals;
    }

    @Override
    public MailboxLogins logins(RulesFile rules) {
        return logins.apply(rules);
    }

    @Override
    public ISchedulingRule mailboxRule(String mailbox) {
        return rules.computeIfAbsent(mailbox, MailboxRule::new);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public SessionVariables sessionVariables() {
        return sessionVariables;
    }
}
