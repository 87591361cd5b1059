package io.mailrules.ui.runs;

import java.time.Clock;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.ui.preview.RulesFile;

/**
 * What previews, runs, undos and scheduled runs of the workbench share: one connector (so one per-host connection
 * limit), one journal, logins of a rules file's mailboxes, and one scheduling rule per mailbox so that no two jobs
 * work on the same mailbox at once.
 */
public interface RunServices {

    /** Jobs that change mailboxes (apply, undo, resume, scheduled runs); the Runs view refreshes when one ends. */
    Object RUN_FAMILY = RunServices.class.getName() + ".runs";

    ImapConnector connector();

    JournalStore journals();

    MailboxLogins logins(RulesFile rules);

    ISchedulingRule mailboxRule(String mailbox);

    Clock clock();

    /** Variables of this session that a rules file's {@code from env} sees on top of the process environment. */
    SessionVariables sessionVariables();
}
