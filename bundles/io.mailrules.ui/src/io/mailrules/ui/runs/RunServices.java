package io.mailrules.ui.runs;

import java.time.Clock;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.LockingLogins;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.ui.preview.RulesFile;

/**
 * What previews, runs, undos and scheduled runs of the workbench share, on top of the workbench's mail layer: its
 * connector (so one per-host connection limit), its journal, the logins of a rules file's mailboxes, and one
 * scheduling rule per mailbox account so that no two jobs work on the same mailbox at once.
 */
public interface RunServices {

    /** Jobs that change mailboxes (apply, undo, resume, scheduled runs); the Runs view refreshes when one ends. */
    Object RUN_FAMILY = RunServices.class.getName() + ".runs";

    ImapConnector connector();

    JournalStore journals();

    /** Logins for work the user started: a secret found nowhere is asked for in a dialog. */
    MailboxLogins logins(RulesFile rules);

    /** Logins for scheduled runs, which nobody watches: a secret found nowhere fails the mailbox instead. */
    MailboxLogins unattendedLogins(RulesFile rules);

    /** The rule of the account a mailbox of the file logs in to. */
    ISchedulingRule mailboxRule(RulesFile rules, String mailbox);

    /**
     * {@code logins} that also take each mailbox's lock at its first login, shared with the commands of the user
     * ({@code mailrules run}, {@code serve}) and other workbenches; a job closes them when it ends.
     */
    LockingLogins locking(MailboxLogins logins);

    Clock clock();
}
