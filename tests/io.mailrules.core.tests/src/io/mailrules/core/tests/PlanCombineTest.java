package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.SourceRef;

/** Plans of one file's mailboxes, made one by one, become the one plan a single run applies. */
class PlanCombineTest {

    private static Plan single(String id, MailboxPlan mailbox) {
        return new Plan(new PlanId(id), SamplePlans.CREATED, SamplePlans.SOURCE, List.of(mailbox));
    }

    @Test
    void batchesAreRenumberedInMailboxOrderAndNothingElseChanges() {
        // each mailbox planned on its own numbers its batches from 0
        Plan sdr1 = single("plan-sdr1", SamplePlans.sdr1Routing());
        Plan sdr2 = single("plan-sdr2", SamplePlans.sdr2Retention(0));
        Plan combined = Plan.combine(new PlanId("plan-both"), List.of(sdr1, sdr2));

        assertEquals(List.of(0, 1, 2, 3, 4), combined.batches().stream().map(Batch::sequence).toList());
        assertEquals(SamplePlans.routingAndRetention().batches(), combined.batches(),
                "the same batches, with the ids a plan of both mailboxes gives them");
        assertEquals(SamplePlans.routingAndRetention().countsPerRule(), combined.countsPerRule());
        assertEquals(SamplePlans.routingAndRetention().folderDeltas(), combined.folderDeltas());
        assertEquals(List.of("sdr1", "sdr2"), combined.mailboxes().stream().map(MailboxPlan::mailbox).toList());
        assertEquals("plan-both", combined.id().value());
    }

    @Test
    void plansOfOtherFilesOrTheSameMailboxTwiceAreRefused() {
        Plan sdr1 = single("plan-sdr1", SamplePlans.sdr1Routing());
        Plan otherFile = new Plan(new PlanId("plan-x"), SamplePlans.CREATED, SourceRef.of("other.mailrules", "x"),
                List.of(SamplePlans.sdr2Retention(0)));
        assertThrows(IllegalArgumentException.class, () -> Plan.combine(new PlanId("p"), List.of(sdr1, otherFile)));
        assertThrows(IllegalArgumentException.class, () -> Plan.combine(new PlanId("p"), List.of(sdr1, sdr1)));
        assertThrows(IllegalArgumentException.class, () -> Plan.combine(new PlanId("p"), List.of()));
    }
}
