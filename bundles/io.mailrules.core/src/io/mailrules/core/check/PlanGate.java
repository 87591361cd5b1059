package io.mailrules.core.check;

import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.MailboxPlan;
import java.util.List;
import java.util.Objects;

/**
 * What a run checks each mailbox's plan against before it sends anything to the mailbox, and what the user agreed
 * to go past. A mailbox with a refusal the consent does not cover is refused whole: no folder is created, no flag
 * stored, nothing moved.
 */
public record PlanGate(BlockLimits limits, Consent consent) {

    public PlanGate {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(consent, "consent");
    }

    /** The default limits, no consent: what a run does unless told otherwise. */
    public static PlanGate defaults() {
        return new PlanGate(BlockLimits.defaults(), Consent.NONE);
    }

    /**
     * @param refusals what stops the mailbox: the refusals the consent does not cover
     * @param passed refusals the consent covers, which the user should still see
     * @param leftOut batches the server cannot carry out, which the user agreed to leave out while the rest runs
     */
    public record Verdict(List<Refusal> refusals, List<Refusal> passed, List<Batch> leftOut) {
        public Verdict {
            refusals = List.copyOf(refusals);
            passed = List.copyOf(passed);
            leftOut = List.copyOf(leftOut);
        }

        public boolean refused() {
            return !refusals.isEmpty();
        }
    }

    public Verdict check(MailboxPlan plan, ServerSupport server) {
        List<Refusal> all = PlanChecks.check(plan, limits, server);
        List<Batch> leftOut = consent.unsupported()
                ? plan.batches().stream().filter(batch -> server.cannot(batch.command()).isPresent()).toList()
                : List.of();
        return new Verdict(all.stream().filter(refusal -> !consent.covers(refusal)).toList(),
                all.stream().filter(consent::covers).toList(), leftOut);
    }

    public PlanGate with(Consent more) {
        return new PlanGate(limits, consent.and(more));
    }
}
