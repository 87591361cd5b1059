package io.mailrules.imap;

import io.mailrules.core.journal.TargetMark;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.UidMapping;
import io.mailrules.core.source.FolderNotFoundException;
import io.mailrules.core.source.MailboxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finishes a batch that an earlier attempt sent without recording the answer, or that failed after acting on part of
 * its messages, so that whatever the server did then is neither done twice nor lost. Flag changes and expunges of
 * exact UIDs are simply sent again: doing them twice is doing them once. A move or copy may have arrived in its
 * target, where its UIDs are unknown: what is found there (see {@link ArrivalLocator}) counts as done, and only the
 * rest is sent. A message that could be in the target but cannot be told apart from what was there is sent again
 * if it is still in the source (at worst a second copy in the target, never a loss), and is left alone if it left.
 */
final class Reconciliation {

    private final ImapMailbox session;
    private final FolderPlan folder;

    Reconciliation(ImapMailbox session, FolderPlan folder) {
        this.session = session;
        this.folder = folder;
    }

    /**
     * Looks the batch's messages up in its target; call it before the source folder is opened for applying, so
     * the session has one folder open at a time.
     *
     * @param mark the target as the batch's first attempt found it
     * @return empty for a batch without a target, or when the target does not exist (nothing can have arrived)
     */
    Optional<ArrivalLocator.Arrivals> arrivals(Batch batch, Optional<TargetMark> mark) throws MailboxException {
        if (batch.command().target().isEmpty()) {
            return Optional.empty();
        }
        Map<Long, String> planned = new HashMap<>();
        for (PlannedMessage message : folder.messages()) {
            if (batch.uids().contains(message.uid())) {
                message.messageId().ifPresent(id -> planned.put(message.uid(), id));
            }
        }
        ArrivalLocator.Transfer transfer = new ArrivalLocator.Transfer(folder.folder(),
                folder.snapshot().uidValidity(), batch.uids(), planned, batch.command().target().get(),
                batch.command() instanceof BatchCommand.Move, mark);
        try {
            return Optional.of(ArrivalLocator.find(session, transfer, UidSet.empty()));
        } catch (FolderNotFoundException e) {
            return Optional.empty();
        }
    }

    BatchResult finish(FolderApplier applier, Batch batch, Optional<ArrivalLocator.Arrivals> arrivals)
            throws MailboxException {
        if (arrivals.isEmpty()) {
            return applier.apply(batch);
        }
        UidMapping arrived = arrivals.get().found();
        UidSet present = applier.present(batch.uids());
        if (batch.command() instanceof BatchCommand.Move && !session.capabilities().move()) {
            // In both folders: the fallback copied, then the cut came before its expunge. With MOVE a message is
            // never in both, so there the source's message is never expunged on the strength of a pairing.
            UidSet copiedNotRemoved = present.intersect(arrived.sources());
            if (!copiedNotRemoved.isEmpty()) {
                BatchResult removed = applier.apply(narrowed(batch, new BatchCommand.Expunge(), copiedNotRemoved));
                if (!removed.outcome().succeeded()) {
                    return removed;
                }
            }
        }
        UidSet toSend = present.minus(arrived.sources());
        UidSet acted = arrived.sources();
        UidMapping.Builder mapping = UidMapping.builder();
        addAll(mapping, arrived);
        boolean mappingComplete = true;
        if (!toSend.isEmpty()) {
            BatchResult sent = applier.apply(narrowed(batch, batch.command(), toSend));
            if (!sent.outcome().succeeded()) {
                return new BatchResult(batch, acted.union(sent.acted()), batch.uids().minus(present), sent.outcome(),
                        sent.failure());
            }
            acted = acted.union(sent.acted());
            BatchOutcome.Done done = (BatchOutcome.Done) sent.outcome();
            boolean sameFolder = done.targetUidValidity().isPresent()
                    && done.targetUidValidity().getAsLong() == arrivals.get().targetUidValidity();
            if (done.copyUid().isPresent() && sameFolder) {
                addAll(mapping, done.copyUid().get());
            } else {
                mappingComplete = false;
            }
        }
        UidMapping combined = mapping.build();
        BatchOutcome outcome = mappingComplete && !combined.isEmpty()
                ? BatchOutcome.done(combined, arrivals.get().targetUidValidity())
                : BatchOutcome.done();
        return new BatchResult(batch, acted, batch.uids().minus(acted), outcome, Optional.empty());
    }

    private static void addAll(UidMapping.Builder builder, UidMapping mapping) {
        for (long source : mapping.sources()) {
            builder.map(source, mapping.targetOf(source).getAsLong());
        }
    }

    /** The same batch over fewer UIDs; its id is never journaled, the original batch's is. */
    private static Batch narrowed(Batch batch, BatchCommand command, UidSet uids) {
        return Batch.of(batch.sequence(), batch.mailbox(), batch.folder(), batch.uidValidity(), command, uids);
    }
}
