package io.mailrules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.run.BatchReport;
import io.mailrules.core.run.MailboxReport;
import io.mailrules.core.run.RunResult;

/**
 * Which folder states a run may remember: a folder counts as done only when every batch the plan had for it was
 * sent and succeeded, so a failed, refused or cancelled folder is looked at in full again by the next run.
 */
public final class AppliedFolders {

    private AppliedFolders() {
    }

    /**
     * @param result the run that applied {@code compiled}'s plan; empty when the plan had nothing to send, so every
     *        folder it evaluated is done
     */
    public static List<FolderState> done(CompiledPlan compiled, Optional<RunResult> result) {
        List<FolderState> done = new ArrayList<>();
        for (FolderState state : compiled.folderStates()) {
            List<Batch> planned = compiled.plan().mailboxes().stream()
                    .filter(mailbox -> mailbox.mailbox().equals(state.mailbox()))
                    .flatMap(mailbox -> mailbox.batches().stream())
                    .filter(batch -> batch.folder().equals(state.folder())).toList();
            if (planned.isEmpty() && result.isEmpty()
                    || result.isPresent() && folderDone(result.get(), state, planned)) {
                done.add(state);
            }
        }
        return done;
    }

    private static boolean folderDone(RunResult result, FolderState state, List<Batch> planned) {
        Optional<MailboxReport> report = result.mailboxes().stream()
                .filter(mailbox -> mailbox.mailbox().equals(state.mailbox())).findFirst();
        if (report.isEmpty() || report.get().failure().isPresent() || report.get().refusedFolders().stream()
                .anyMatch(refusal -> refusal.folder().equals(state.folder()))) {
            return false;
        }
        Set<Integer> succeeded = report.get().batches().stream().filter(batch -> batch.outcome().succeeded())
                .map(BatchReport::batch).map(Batch::sequence).collect(Collectors.toSet());
        return planned.stream().allMatch(batch -> succeeded.contains(batch.sequence()));
    }
}
