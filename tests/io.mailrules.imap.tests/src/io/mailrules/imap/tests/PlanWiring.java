package io.mailrules.imap.tests;

import com.google.inject.Injector;
import io.mailrules.core.check.Consent;
import io.mailrules.core.check.PlanGate;
import io.mailrules.core.incremental.FolderStates;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunProgress;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.source.MailboxException;
import io.mailrules.dsl.MailrulesStandaloneSetup;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanCompiler;
import io.mailrules.engine.PlanRequest;
import io.mailrules.logins.MailboxBlocks;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.ImapMailboxAccess;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.PlanExecutor;
import io.mailrules.imap.WarmSessions;
import io.mailrules.imap.RunResumer;
import io.mailrules.imap.RunUndoer;
import io.mailrules.imap.UndoResult;
import io.mailrules.imap.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
 * The wiring the command line and the workbench each repeat, since no bundle may depend on both the engine and the
 * connector: load and validate the rules file with the standalone language setup, turn its mailboxes into logins,
 * plan over IMAP (STATUS and EXAMINE only) with {@link PlanCompiler} and {@link ImapMailboxAccess}, and apply the
 * plan with {@link PlanExecutor}. Only the secrets come from elsewhere: here a function, there secure storage or the
 * environment.
 */
final class PlanWiring {

    /**
     * These tests are about what a run sends and how it recovers; their small mailboxes go past the default change
     * limits (one of two auto-replies is half the folder), which have tests of their own.
     */
    private static final PlanGate PAST_LIMITS = PlanGate.defaults().with(new Consent(true, false));

    private final Injector injector = new MailrulesStandaloneSetup().createInjectorAndDoEMFRegistration();
    private final ImapConnector connector;
    private final Clock clock;

    PlanWiring(ImapConnector connector, Clock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    /** Parses, resolves imports and validates; a file with errors is never planned. */
    Model load(Path file) {
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

    /** The dry run: reads the mailboxes, changes nothing. */
    CompiledPlan plan(Path file, Model model, MailboxLogins logins) throws IOException, MailboxException {
        SourceRef source = SourceRef.of(file.getFileName().toString(), Files.readAllBytes(file));
        try (ImapMailboxAccess access = new ImapMailboxAccess(connector, logins)) {
            return new PlanCompiler(access, clock).compile(PlanRequest.allJobs(model, source));
        }
    }

    /**
     * The plan `mailrules run` makes: nothing read per message (no Message-ID, date, From or Subject), so undo and
     * resume find moved mail by the UIDs the server reports or by where it arrived in the target.
     */
    CompiledPlan planForApplying(Path file, Model model, MailboxLogins logins) throws IOException, MailboxException {
        return planForApplying(file, model, logins, Optional.empty());
    }

    /** As {@link #planForApplying(Path, Model, MailboxLogins)}, keeping the session for the apply, as a run does. */
    CompiledPlan planForApplying(Path file, Model model, MailboxLogins logins, Optional<WarmSessions> keep)
            throws IOException, MailboxException {
        SourceRef source = SourceRef.of(file.getFileName().toString(), Files.readAllBytes(file));
        try (ImapMailboxAccess access = new ImapMailboxAccess(connector, logins, keep)) {
            return new PlanCompiler(access, clock).compile(PlanRequest.allJobs(model, source).forApplying());
        }
    }

    /** The plan of a `mailrules run` that remembers what earlier runs of the same file saw. */
    CompiledPlan planIncrementally(Path file, Model model, MailboxLogins logins, FolderStates earlierRuns)
            throws IOException, MailboxException {
        SourceRef source = SourceRef.of(file.getFileName().toString(), Files.readAllBytes(file));
        try (ImapMailboxAccess access = new ImapMailboxAccess(connector, logins)) {
            return new PlanCompiler(access, clock, earlierRuns).compile(PlanRequest.allJobs(model, source)
                    .forApplying());
        }
    }

    RunResult apply(Plan plan, MailboxLogins logins, JournalStore journals, RunProgress progress) throws IOException {
        return new PlanExecutor(connector, logins, journals, clock).apply(plan, PAST_LIMITS, progress);
    }

    RunResult apply(Plan plan, MailboxLogins logins, JournalStore journals, WarmSessions warm) throws IOException {
        return new PlanExecutor(connector, logins, journals, clock, Optional.of(warm)).apply(plan, PAST_LIMITS,
                RunProgress.NONE);
    }

    /** Applies as the command line does, with the checks {@code gate} makes before anything is sent. */
    RunResult apply(Plan plan, PlanGate gate, MailboxLogins logins, JournalStore journals) throws IOException {
        return new PlanExecutor(connector, logins, journals, clock).apply(plan, gate, RunProgress.NONE);
    }

    UndoResult undo(RunId run, MailboxLogins logins, JournalStore journals, RunProgress progress) throws Exception {
        return new RunUndoer(connector, logins, journals, clock).undo(run, progress);
    }

    RunResult resume(RunId run, MailboxLogins logins, JournalStore journals, RunProgress progress) throws Exception {
        return new RunResumer(connector, logins, journals, clock).resume(run, progress);
    }

    /** Logins from the file's mailbox blocks; {@code secrets} stands in for where the secret really comes from. */
    static MailboxLogins logins(Model model, Function<String, Credentials> secrets) {
        return name -> {
            Mailbox mailbox = MailboxBlocks.find(model, name)
                    .orElseThrow(() -> new IllegalArgumentException("no mailbox " + name + " in the rules file"));
            return new MailboxLogin(MailboxBlocks.settings(mailbox), secrets.apply(name));
        };
    }
}
