package io.mailrules.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.mailrules.core.check.ServerSupport;
import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.source.FolderNameException;

/**
 * A plan and how each of its rules was evaluated, for a preview that says why as well as what.
 *
 * @param folderStates what planning saw of every folder it evaluated, acted on or not: once a run has applied the
 *        plan to a folder without a failure, recording its state lets the next run look at new mail only
 * @param servers what each mailbox's server can carry out safely, as planning found it, by mailbox
 * @param undecided messages a rule could not decide, which the plan leaves alone: its warnings
 * @param notPlanned the mailboxes whose rules name a folder their server cannot name: they are not in the plan, and
 *        the plan is of the other mailboxes
 */
public record CompiledPlan(Plan plan, List<RuleExplanation> explanations, List<FolderState> folderStates,
        Map<String, ServerSupport> servers, List<UndecidedMessage> undecided, List<FolderNameException> notPlanned) {
    public CompiledPlan {
        Objects.requireNonNull(plan, "plan");
        explanations = List.copyOf(explanations);
        folderStates = List.copyOf(folderStates);
        servers = Map.copyOf(servers);
        undecided = List.copyOf(undecided);
        notPlanned = List.copyOf(notPlanned);
    }

    public CompiledPlan(Plan plan, List<RuleExplanation> explanations, List<FolderState> folderStates) {
        this(plan, explanations, folderStates, Map.of(), List.of(), List.of());
    }

    public CompiledPlan(Plan plan, List<RuleExplanation> explanations) {
        this(plan, explanations, List.of());
    }

    /** What the mailbox's server can carry out; everything when planning did not say. */
    public ServerSupport server(String mailbox) {
        return servers.getOrDefault(mailbox, ServerSupport.ALL);
    }

    /** The plan's warnings as people read them, one line each. */
    public List<String> warnings() {
        return undecided.stream().map(UndecidedMessage::describe).toList();
    }
}
