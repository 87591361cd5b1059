package io.mailrules.engine;

import java.util.Objects;
import java.util.Optional;

import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.dsl.mailrules.Model;

/**
 * What to plan.
 *
 * @param model the validated rules file, its imports resolved in its resource set
 * @param job the rules block or retention policy to run; empty runs all of the file's, in file order
 * @param mailbox restricts the plan to one mailbox of the jobs' targets; empty plans every target
 * @param source the rules file and its digest, recorded in the plan
 * @param id the plan's id; empty derives one from the clock and the source digest
 */
public record PlanRequest(Model model, Optional<String> job, Optional<String> mailbox, SourceRef source,
        Optional<PlanId> id) {

    public PlanRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
    }

    public static PlanRequest allJobs(Model model, SourceRef source) {
        return new PlanRequest(model, Optional.empty(), Optional.empty(), source, Optional.empty());
    }

    public static PlanRequest job(Model model, String job, SourceRef source) {
        return new PlanRequest(model, Optional.of(job), Optional.empty(), source, Optional.empty());
    }

    public PlanRequest forMailbox(String name) {
        return new PlanRequest(model, job, Optional.of(name), source, id);
    }

    public PlanRequest withId(PlanId planId) {
        return new PlanRequest(model, job, mailbox, source, Optional.of(planId));
    }
}
