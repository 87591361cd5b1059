package io.mailrules.imap.testsupport;

import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.PlannedMessage;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where every message of a mailbox is and which flags it has, keyed by Message-ID and read with an independent
 * client, so a test can say what a dry run or a run did to the mailbox as its user would see it.
 */
public record Census(SortedMap<String, Placement> byMessageId) {

    /** @param folder the server's folder name; flags as IMAP writes them, sorted */
    public record Placement(String messageId, String folder, String subject, List<String> flags) {
        public Placement {
            flags = List.copyOf(new TreeSet<>(flags));
        }

        public Placement movedTo(String target) {
            return new Placement(messageId, target, subject, flags);
        }

        public Placement withFlags(List<String> added, List<String> removed) {
            TreeSet<String> now = new TreeSet<>(flags);
            now.addAll(added);
            now.removeAll(removed);
            return new Placement(messageId, folder, subject, List.copyOf(now));
        }
    }

    public Census {
        byMessageId = new TreeMap<>(byMessageId);
    }

    public static Census of(MailClient client) throws MessagingException {
        SortedMap<String, Placement> placements = new TreeMap<>();
        for (String folder : client.folderNames()) {
            for (Placement placement : client.placements(folder)) {
                if (placements.put(placement.messageId(), placement) != null) {
                    throw new IllegalStateException("Message-ID " + placement.messageId()
                            + " is in the mailbox twice; this census tells messages apart by Message-ID");
                }
            }
        }
        return new Census(placements);
    }

    public Placement bySubject(String subject) {
        return byMessageId.values().stream().filter(placement -> placement.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no message with subject \"" + subject + "\" in " + this));
    }

    /**
     * What the mailbox looks like once a plan has run, according to the plan alone: each planned message takes its
     * actions in order. Folder paths of the plan are server names here, as on a server with '/' and no prefix.
     */
    public Census after(MailboxPlan plan) {
        Map<String, Placement> expected = new TreeMap<>(byMessageId);
        for (FolderPlan folder : plan.folders()) {
            for (PlannedMessage message : folder.messages()) {
                String id = message.messageId().orElseThrow(() -> new AssertionError(message + " has no Message-ID"));
                Placement placement = expected.get(id);
                for (Action action : message.actions()) {
                    placement = switch (action) {
                        case Action.AddFlags add -> placement.withFlags(add.flags().imapNames(), List.of());
                        case Action.RemoveFlags remove -> placement.withFlags(List.of(), remove.flags().imapNames());
                        case Action.Move move -> placement.movedTo(move.target());
                        case Action.Delete delete -> placement.movedTo(delete.trashFolder());
                        case Action.Stop stop -> placement;
                        case Action.Copy copy -> throw new IllegalArgumentException(
                                "a copy puts one Message-ID in two folders, which this census cannot tell apart");
                        case Action.Expunge expunge -> null;
                    };
                    if (placement == null) {
                        break;
                    }
                }
                if (placement == null) {
                    expected.remove(id);
                } else {
                    expected.put(id, placement);
                }
            }
        }
        return new Census(new TreeMap<>(expected));
    }
}
