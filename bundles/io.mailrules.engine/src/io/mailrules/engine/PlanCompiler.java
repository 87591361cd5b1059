package io.mailrules.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.mailrules.core.check.ServerSupport;
import io.mailrules.core.account.MailboxAccount;
import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.incremental.FolderStates;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.source.FolderNameException;
import io.mailrules.core.source.FolderReader;
import io.mailrules.core.source.MailboxAccess;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.ServerFolders;
import io.mailrules.dsl.analysis.MailboxAccounts;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Retention;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.Server;

/**
 * Compiles a validated rules model into a {@link Plan}: which message of which folder of which mailbox gets which
 * actions, grouped into the batches a run sends. Pure apart from reading through {@link MailboxAccess}: the same
 * model, clock and mailbox contents always give the same plan, batch ids included.
 */
public final class PlanCompiler {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final MailboxAccess access;
    private final Clock clock;
    private final FolderStates earlierRuns;

    /** @param clock gives "now" for ages and retention dates, and its zone the day boundaries */
    public PlanCompiler(MailboxAccess access, Clock clock) {
        this(access, clock, FolderStates.NONE);
    }

    /**
     * A compiler for incremental runs: where {@code earlierRuns} has a folder's state from an applied run of the
     * same rules file and the folder kept its UIDVALIDITY, rules whose verdict on a message never changes look only
     * at mail with a higher UID; retention, age, flag and keyword conditions still see the whole folder.
     */
    public PlanCompiler(MailboxAccess access, Clock clock, FolderStates earlierRuns) {
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.earlierRuns = Objects.requireNonNull(earlierRuns, "earlierRuns");
    }

    /**
     * @throws IllegalArgumentException when the request names a job or mailbox the model lacks, or the model has
     *         unresolved references
     * @throws MailboxException when a server cannot be read
     */
    public CompiledPlan compile(PlanRequest request) throws MailboxException {
        Instant now = clock.instant();
        JobCompiler jobs = new JobCompiler(new ConditionCompiler(LocalDate.ofInstant(now, clock.getZone()),
                clock.getZone()));
        FolderEvaluator evaluator = new FolderEvaluator(clock.getZone(), LocalDate.ofInstant(now, clock.getZone()),
                request.preview());
        List<Job> selected = JobSelection.jobs(request.model(), request.job());
        int[] nextSequence = {0};
        List<MailboxPlan> mailboxes = new ArrayList<>();
        List<FolderState> seen = new ArrayList<>();
        Map<String, ServerSupport> servers = new LinkedHashMap<>();
        List<UndecidedMessage> undecided = new ArrayList<>();
        List<FolderNameException> notPlanned = new ArrayList<>();
        for (Map.Entry<Mailbox, List<Job>> entry : JobSelection.mailboxes(selected, request.mailboxes()).entrySet()) {
            int firstSequence = nextSequence[0];
            int statesBefore = seen.size();
            int undecidedBefore = undecided.size();
            try {
                mailboxes.add(mailboxPlan(entry.getKey(), entry.getValue(), jobs, evaluator, nextSequence,
                        request.source().sha256(), seen, undecided));
                servers.put(entry.getKey().getName(), access.support(entry.getKey().getName()));
            } catch (FolderNameException e) {
                // The rules do not fit this server; the other mailboxes are planned as if it were not there.
                nextSequence[0] = firstSequence;
                seen.subList(statesBefore, seen.size()).clear();
                undecided.subList(undecidedBefore, undecided.size()).clear();
                notPlanned.add(e);
            }
        }
        PlanId id = request.id().orElseGet(() -> new PlanId("plan-" + ID_TIME.format(now) + "-"
                + request.source().sha256().substring(0, 8)));
        return new CompiledPlan(new Plan(id, now, request.source(), mailboxes), explain(jobs, selected), seen,
                servers, undecided, notPlanned);
    }

    /** How each rule of the selected jobs is evaluated; needs no server. */
    public List<RuleExplanation> explain(PlanRequest request) {
        Instant now = clock.instant();
        JobCompiler jobs = new JobCompiler(new ConditionCompiler(LocalDate.ofInstant(now, clock.getZone()),
                clock.getZone()));
        return explain(jobs, JobSelection.jobs(request.model(), request.job()));
    }

    private static List<RuleExplanation> explain(JobCompiler compiler, List<Job> jobs) {
        return jobs.stream().flatMap(job -> compiler.explain(job).stream()).toList();
    }

    private MailboxPlan mailboxPlan(Mailbox mailbox, List<Job> jobs, JobCompiler compiler, FolderEvaluator evaluator,
            int[] nextSequence, String rulesDigest, List<FolderState> seen, List<UndecidedMessage> undecided)
            throws MailboxException {
        MailboxAccount account = MailboxAccounts.of(mailbox);
        ServerFolders server = access.folders(mailbox.getName());
        // Jobs reading the same folder share one evaluation, so a message is moved at most once per run.
        Map<String, List<CompiledRule>> rulesByFolder = new LinkedHashMap<>();
        Set<String> layoutFolders = new LinkedHashSet<>();
        try {
            for (Job job : jobs) {
                Layout layout = JobCompiler.layout(job);
                FolderTargets targets = new FolderTargets(server, mailbox, layout);
                for (FolderRules folderRules : compiler.compile(job, targets)) {
                    String folder = sourcePath(server, folderRules.folder(), job);
                    rulesByFolder.computeIfAbsent(folder, key -> new ArrayList<>()).addAll(folderRules.rules());
                }
                if (layout != null) {
                    for (String path : LayoutFolders.paths(layout)) {
                        try {
                            layoutFolders.add(FolderTargets.path(server, path));
                        } catch (UnusableFolder e) {
                            throw e.in("layout " + layout.getName());
                        }
                    }
                }
            }
        } catch (UnusableFolder e) {
            throw new FolderNameException(mailbox.getName(), account.host(), e.where(), e.folder(), e.getMessage());
        }
        List<FolderPlan> folders = new ArrayList<>();
        Set<String> targets = new TreeSet<>();
        for (Map.Entry<String, List<CompiledRule>> entry : rulesByFolder.entrySet()) {
            if (!server.exists(entry.getKey())) {
                // A folder the run has yet to create holds no mail to act on.
                continue;
            }
            FolderEvaluator.Result result;
            try (FolderReader reader = access.open(mailbox.getName(), entry.getKey())) {
                result = evaluator.evaluate(reader, FlagChanges.narrow(entry.getValue()), mailbox.getName(),
                        account.key(), rulesDigest,
                        earlierRuns.find(account.key(), mailbox.getName(), entry.getKey()));
            }
            seen.add(result.seen());
            undecided.addAll(result.undecided());
            List<Batch> batches = new ArrayList<>();
            for (BatchPlanner.PlannedBatch batch : BatchPlanner.batches(result.messages())) {
                batches.add(Batch.of(nextSequence[0]++, mailbox.getName(), result.snapshot().folder(),
                        result.snapshot().uidValidity(), batch.command(), batch.uids()));
                batch.command().target().ifPresent(targets::add);
            }
            if (!result.messages().isEmpty()) {
                folders.add(new FolderPlan(result.snapshot(), result.messages(), batches));
            }
        }
        return new MailboxPlan(mailbox.getName(), host(mailbox), foldersToCreate(server, layoutFolders, targets),
                folders).of(account);
    }

    /** The folder a rules block or retention policy reads, as the plan names it. */
    private static String sourcePath(ServerFolders server, String rulesPath, Job job) {
        try {
            return FolderTargets.path(server, rulesPath);
        } catch (UnusableFolder e) {
            throw e.in("the folder " + (job instanceof RuleBlock block ? "rules block " + block.getName()
                    : "retention " + ((Retention) job).getName()) + " reads");
        }
    }

    /** Layout folders in layout order, then other targets by name; each missing parent just before its child. */
    private static List<String> foldersToCreate(ServerFolders server, Set<String> layoutFolders, Set<String> targets) {
        Set<String> missing = new LinkedHashSet<>();
        List<String> wanted = new ArrayList<>(layoutFolders);
        wanted.addAll(targets);
        for (String folder : wanted) {
            for (String path : server.withAncestors(folder)) {
                if (!server.exists(path)) {
                    missing.add(path);
                }
            }
        }
        return List.copyOf(missing);
    }

    private static String host(Mailbox mailbox) {
        return mailbox.getSettings().stream().filter(Server.class::isInstance).map(server -> ((Server) server).getHost())
                .filter(host -> host != null && !host.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Mailbox '" + mailbox.getName() + "' has no host"));
    }
}
