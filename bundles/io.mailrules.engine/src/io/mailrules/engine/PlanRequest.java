package io.mailrules.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Model;

/**
 * What to plan.
 *
 * @param model the validated rules file, its imports resolved in its resource set
 * @param job the rules block or retention policy to run; empty runs all of the file's, in file order
 * @param mailboxes restricts the plan to these mailboxes of the jobs' targets (one, or a group's members); empty
 *        plans every target
 * @param source the rules file and its digest, recorded in the plan
 * @param id the plan's id; empty derives one from the clock and the source digest
 * @param preview whether each planned message carries what a person reads in a preview (Message-ID, From,
 *        Subject); a plan that is applied at once needs only UIDs, dates, rules and actions, and skipping the
 *        header fetch for every message acted on is most of what planning costs on a large mailbox
 */
public record PlanRequest(Model model, Optional<String> job, Set<String> mailboxes, SourceRef source,
        Optional<PlanId> id, boolean preview) {

    public PlanRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(job, "job");
        mailboxes = Set.copyOf(mailboxes);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
    }

    /** A request for a previewable plan, with every message's Message-ID, From and Subject. */
    public PlanRequest(Model model, Optional<String> job, Set<String> mailboxes, SourceRef source,
            Optional<PlanId> id) {
        this(model, job, mailboxes, source, id, true);
    }

    public static PlanRequest allJobs(Model model, SourceRef source) {
        return new PlanRequest(model, Optional.empty(), Set.of(), source, Optional.empty());
    }

    public static PlanRequest job(Model model, String job, SourceRef source) {
        return new PlanRequest(model, Optional.of(job), Set.of(), source, Optional.empty());
    }

    public PlanRequest forMailbox(String name) {
        return forMailboxes(Set.of(name));
    }

    /** Plans those of the named mailboxes that the jobs target, e.g. the members of a group. */
    public PlanRequest forMailboxes(Set<String> names) {
        return new PlanRequest(model, job, names, source, id, preview);
    }

    public PlanRequest forJob(String name) {
        return new PlanRequest(model, Optional.of(name), mailboxes, source, id, preview);
    }

    /**
     * The names of the mailboxes this request plans, in the order the plan would list them; lets a caller plan a
     * fleet one mailbox at a time.
     *
     * @throws IllegalArgumentException as {@link PlanCompiler#compile} would, for a job or mailbox the model lacks
     */
    public List<String> targetMailboxes() {
        return JobSelection.mailboxes(JobSelection.jobs(model, job), mailboxes).keySet().stream()
                .map(Mailbox::getName).toList();
    }

    public PlanRequest withId(PlanId planId) {
        return new PlanRequest(model, job, mailboxes, source, Optional.of(planId), preview);
    }

    /**
     * The same request for a plan that is applied straight away ({@code mailrules run}): its messages carry no
     * Message-ID, From or Subject. Resume and undo fetch Message-IDs themselves where UIDs cannot tell.
     */
    public PlanRequest forApplying() {
        return new PlanRequest(model, job, mailboxes, source, id, false);
    }
}
