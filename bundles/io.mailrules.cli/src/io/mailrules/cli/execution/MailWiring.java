package io.mailrules.cli.execution;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.mailrules.core.check.PlanGate;
import io.mailrules.core.incremental.FolderStates;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunProgress;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.source.MailboxException;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanCompiler;
import io.mailrules.engine.PlanRequest;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.ImapMailboxAccess;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.PlanExecutor;
import io.mailrules.imap.WarmSessions;

/**
 * The command line's connection of engine and connector, which know nothing of each other: plans over IMAP with
 * STATUS and EXAMINE only, applies with the journaled executor. One connector, and so one per-host connection limit,
 * serves both halves of a {@code run}.
 */
public final class MailWiring {

    // Providers lock out clients that open many sessions at once; four stays below every limit we know of.
    public static final int CONNECTIONS_PER_HOST = 4;

    private final ImapConnector connector;
    private final Clock clock;
    private final WarmSessions warm = new WarmSessions();

    public MailWiring(Clock clock) {
        this(clock, CONNECTIONS_PER_HOST);
    }

    /** @param connectionsPerHost sessions open at once per server host, over all mailboxes of the command */
    public MailWiring(Clock clock, int connectionsPerHost) {
        this(clock, connectionsPerHost, ConnectorOptions.defaults());
    }

    /** @param options timeouts and limits of every session the command opens */
    public MailWiring(Clock clock, int connectionsPerHost, ConnectorOptions options) {
        this.connector = new ImapConnector(options, new HostConnectionLimiter(connectionsPerHost));
        this.clock = clock;
    }

    /** The connector with this command's per-host connection limit, for undo and resume. */
    public ImapConnector connector() {
        return connector;
    }

    /** The dry run: reads the mailboxes, changes nothing. */
    public CompiledPlan plan(PlanRequest request, MailboxLogins logins) throws MailboxException {
        return plan(request, logins, FolderStates.NONE);
    }

    /** The dry run of an incremental run: folders {@code earlierRuns} knows are looked at for new mail only. */
    public CompiledPlan plan(PlanRequest request, MailboxLogins logins, FolderStates earlierRuns)
            throws MailboxException {
        try (ImapMailboxAccess access = new ImapMailboxAccess(connector, logins)) {
            return new PlanCompiler(access, clock, earlierRuns).compile(request);
        }
    }

    /**
     * The dry run of a {@code run}, whose apply follows at once: the mailbox's session stays logged in for
     * {@link #apply}, which takes it; call {@link #release} for a mailbox whose plan is not applied.
     */
    public CompiledPlan planToApply(PlanRequest request, MailboxLogins logins, FolderStates earlierRuns)
            throws MailboxException {
        try (ImapMailboxAccess access = new ImapMailboxAccess(connector, logins, Optional.of(warm))) {
            return new PlanCompiler(access, clock, earlierRuns).compile(request);
        }
    }

    /** Hangs up the session {@link #planToApply} kept for a mailbox. */
    public void release(String mailbox) {
        warm.release(List.of(mailbox));
    }

    /**
     * Applies a plan, in the sessions {@link #planToApply} kept where there are any, each mailbox's part once it
     * passed {@code gate}.
     */
    public RunResult apply(Plan plan, PlanGate gate, MailboxLogins logins, JournalStore journals,
            RunProgress progress) throws IOException {
        return new PlanExecutor(connector, logins, journals, clock, Optional.of(warm)).apply(plan, gate, progress);
    }
}
