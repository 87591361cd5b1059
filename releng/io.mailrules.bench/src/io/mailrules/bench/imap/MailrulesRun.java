package io.mailrules.bench.imap;

import com.google.inject.Injector;
import io.mailrules.core.account.MailboxLocks;
import io.mailrules.core.check.Consent;
import io.mailrules.core.check.PlanGate;
import io.mailrules.core.incremental.FolderStateStore;
import io.mailrules.core.incremental.FolderStates;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.core.run.RunProgress;
import io.mailrules.core.run.RunResult;
import io.mailrules.dsl.MailrulesStandaloneSetup;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.engine.AppliedFolders;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanCompiler;
import io.mailrules.engine.PlanRequest;
import io.mailrules.engine.RulesLimits;
import io.mailrules.logins.MailboxBlocks;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.ImapMailboxAccess;
import io.mailrules.imap.LockingLogins;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.PlanExecutor;
import io.mailrules.imap.WarmSessions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * A rules file run the way the command line will run it (the wiring of the IMAP tests' PlanWiring): load and
 * validate, plan over IMAP read-only (STATUS, EXAMINE), apply the plan journaled. Times each phase, and within
 * planning the time spent in IMAP calls; applying is all IMAP apart from the journal's synced writes (one per batch).
 */
final class MailrulesRun {

    /**
     * @param rerunImapSeconds IMAP time of a second, incremental run right after the first on the mailbox it left:
     *        nothing new arrived, so it shows what an unchanged mailbox costs
     */
    record Timings(double loadSeconds, double planSeconds, double planImapSeconds, int planImapCalls,
            double applySeconds, int batches, String status, double rerunImapSeconds, int rerunImapCalls,
            int rerunBatches) {
    }

    private final Clock clock;
    private final Optional<PrintStream> trace;
    private final int sessionsPerHost;

    /** @param sessionsPerHost as the command line's {@code --per-host}; 1 searches each folder over one connection */
    MailrulesRun(Clock clock, Optional<PrintStream> trace, int sessionsPerHost) {
        this.clock = clock;
        this.trace = trace;
        this.sessionsPerHost = sessionsPerHost;
    }

    Timings run(Path file, String password, Path journal) throws Exception {
        long start = System.nanoTime();
        // As the command line does: mail classes load in the background while the file is validated.
        ImapConnector.prepareInBackground();
        Model model = load(file);
        MailboxLogins rulesLogins = name -> new MailboxLogin(MailboxBlocks.settings(MailboxBlocks.find(model, name)
                .orElseThrow(() -> new IllegalArgumentException("no mailbox " + name + " in the rules file"))),
                Credentials.password(password));
        // As `mailrules run` does: the mailbox's lock is held from the dry run to the last batch.
        try (LockingLogins logins = new LockingLogins(rulesLogins, new MailboxLocks(journal.resolveSibling("locks"),
                "mailrules bench", MailboxLocks.DEFAULT_WAIT))) {
            return run(logins, model, file, journal, start);
        }
    }

    private Timings run(MailboxLogins logins, Model model, Path file, Path journal, long start) throws Exception {
        ImapConnector connector = new ImapConnector(ConnectorOptions.defaults(),
                new HostConnectionLimiter(sessionsPerHost));
        long loaded = System.nanoTime();

        SourceRef source = SourceRef.of(file.getFileName().toString(), Files.readAllBytes(file));
        FolderStateStore states = FolderStateStore.in(journal);
        ImapTimer timer = new ImapTimer(trace);
        // As `mailrules run` does: the dry run's session stays logged in for the apply.
        WarmSessions warm = new WarmSessions();
        CompiledPlan compiled = plan(connector, logins, timer, model, source, states, warm);
        long planned = System.nanoTime();

        // As `mailrules run --allow-large`: each round is a first archive of the mailbox, past the change limits.
        PlanGate gate = new PlanGate(RulesLimits.of(model), new Consent(true, false));
        RunResult result = new PlanExecutor(connector, logins, new JournalStore(journal), clock, Optional.of(warm))
                .apply(compiled.plan(), gate, RunProgress.NONE);
        long applied = System.nanoTime();
        states.record(AppliedFolders.done(compiled, Optional.of(result)));

        trace.ifPresent(out -> out.println("unchanged re-run:"));
        ImapTimer rerunTimer = new ImapTimer(trace);
        CompiledPlan again = plan(connector, logins, rerunTimer, model, source, states, warm);
        if (!again.plan().batches().isEmpty() || !again.plan().foldersToCreate().isEmpty()) {
            rerunTimer.time("apply", () -> new PlanExecutor(connector, logins, new JournalStore(journal), clock,
                    Optional.of(warm)).apply(again.plan(), gate, RunProgress.NONE));
        }
        rerunTimer.time("LOGOUT", () -> {
            warm.close();
            return null;
        });
        return new Timings((loaded - start) / 1e9, (planned - loaded) / 1e9, timer.seconds(), timer.calls(),
                (applied - planned) / 1e9, compiled.plan().batches().size(), result.status().name(),
                rerunTimer.seconds(), rerunTimer.calls(), again.plan().batches().size());
    }

    /** The dry run of a {@code mailrules run}: a plan for applying at once, incremental where states allow. */
    private CompiledPlan plan(ImapConnector connector, MailboxLogins logins, ImapTimer timer, Model model,
            SourceRef source, FolderStates states, WarmSessions warm) throws Exception {
        try (ImapMailboxAccess access = new ImapMailboxAccess(connector, logins, Optional.of(warm))) {
            return new PlanCompiler(new TimedAccess(access, timer), clock, states)
                    .compile(PlanRequest.allJobs(model, source).forApplying());
        }
    }

    private static Model load(Path file) {
        Injector injector = new MailrulesStandaloneSetup().createInjectorAndDoEMFRegistration();
        XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
        Resource resource = resources.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
        EcoreUtil.resolveAll(resources);
        List<Issue> errors = injector.getInstance(IResourceValidator.class)
                .validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
                .filter(issue -> issue.getSeverity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(file + " has errors: " + errors);
        }
        return (Model) resource.getContents().getFirst();
    }
}
