package io.mailrules.core.check;

import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.PlannedMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The checks made on a mailbox's plan before anything is sent to the mailbox: per folder, what the server cannot
 * carry out safely, and per folder and block, whether the messages the block's rules would remove (delete or
 * expunge) or move stay within the block's limits. Only what would be sent counts: a command the server cannot
 * carry out is reported as such and not counted against a limit.
 */
public final class PlanChecks {

    private PlanChecks() {
    }

    public static List<Refusal> check(MailboxPlan plan, BlockLimits limits, ServerSupport server) {
        List<Refusal> refusals = new ArrayList<>();
        for (FolderPlan folder : plan.folders()) {
            Map<Long, PlannedMessage> messages = new HashMap<>();
            folder.messages().forEach(message -> messages.put(message.uid(), message));
            Map<String, Tally> unsupported = new LinkedHashMap<>();
            Map<String, String> reasons = new HashMap<>();
            SortedMap<String, Map<ChangeKind, Tally>> changes = new TreeMap<>();
            Map<String, BlockLimits.Block> blocks = new HashMap<>();
            for (Batch batch : folder.batches()) {
                Optional<String> cannot = server.cannot(batch.command());
                if (cannot.isPresent()) {
                    String command = batch.command().describe();
                    reasons.put(command, cannot.get());
                    Tally tally = unsupported.computeIfAbsent(command, key -> new Tally());
                    batch.uids().stream().forEach(uid -> tally.add(rule(messages, uid)));
                    continue;
                }
                if (!(batch.command() instanceof BatchCommand.Move
                        || batch.command() instanceof BatchCommand.Expunge)) {
                    continue;
                }
                batch.uids().stream().forEach(uid -> {
                    PlannedMessage message = messages.get(uid);
                    String rule = rule(messages, uid);
                    BlockLimits.Block block = limits.of(rule);
                    blocks.putIfAbsent(block.label(), block);
                    // A delete goes over the wire as a move to Trash; for the user it removes the message.
                    ChangeKind kind = batch.command() instanceof BatchCommand.Expunge
                            || message != null && message.actions().getLast() instanceof Action.Delete
                            ? ChangeKind.REMOVE : ChangeKind.MOVE;
                    changes.computeIfAbsent(block.label(), key -> new HashMap<>())
                            .computeIfAbsent(kind, key -> new Tally()).add(rule);
                });
            }
            unsupported.forEach((command, tally) -> refusals.add(new Refusal.Unsupported(plan.mailbox(),
                    folder.folder(), command, tally.count, tally.rules, reasons.get(command))));
            changes.forEach((label, kinds) -> {
                for (ChangeKind kind : ChangeKind.values()) {
                    Tally tally = kinds.get(kind);
                    ChangeLimit limit = blocks.get(label).limits().of(kind);
                    if (tally != null && !limit.allows(tally.count, folder.snapshot().messages())) {
                        refusals.add(new Refusal.OverLimit(plan.mailbox(), folder.folder(), label, kind, tally.count,
                                folder.snapshot().messages(), limit, tally.rules));
                    }
                }
            });
        }
        return List.copyOf(refusals);
    }

    private static String rule(Map<Long, PlannedMessage> messages, long uid) {
        PlannedMessage message = messages.get(uid);
        // FolderPlan refuses a batch UID without its planned message; this only guards against a future change.
        return message == null ? "?" : message.ruleName();
    }

    /** Messages and the rules they came from. */
    private static final class Tally {
        private long count;
        private final SortedMap<String, Long> rules = new TreeMap<>();

        void add(String rule) {
            count++;
            rules.merge(rule, 1L, Long::sum);
        }
    }
}
