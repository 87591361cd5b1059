package io.mailrules.imap.testsupport;

import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.PlannedMessage;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where every message of a mailbox is and which flags it has, keyed by Message-ID and read with an independent
 * client, so a test can say what a dry run or a run did to the mailbox as its user would see it.
 * <p>
 * A mailbox may hold a Message-ID more than once (a copy, a message delivered twice): each further message with an
 * ID already counted is kept in {@link #duplicates()}, so two censuses are equal only when they hold the same
 * messages as often, and a test can say how many duplicates a run made or which messages it lost.
 *
 * @param byMessageId per Message-ID the first of its messages, in the order of {@link #ORDER}
 * @param duplicates the other messages whose Message-ID is in {@code byMessageId}, in that order
 */
public record Census(SortedMap<String, Placement> byMessageId, List<Placement> duplicates) {

    /** Orders the messages of one Message-ID: by folder, subject, then flags. */
    public static final Comparator<Placement> ORDER = Comparator.comparing(Placement::folder)
            .thenComparing(Placement::subject, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(placement -> String.join(" ", placement.flags()));

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
        List<Placement> sorted = new ArrayList<>(duplicates);
        sorted.sort(Comparator.comparing(Placement::messageId).thenComparing(ORDER));
        duplicates = List.copyOf(sorted);
    }

    /** A census of messages that each have a Message-ID of their own. */
    public Census(SortedMap<String, Placement> byMessageId) {
        this(byMessageId, List.of());
    }

    public static Census of(MailClient client) throws MessagingException {
        List<Placement> all = new ArrayList<>();
        for (String folder : client.folderNames()) {
            all.addAll(client.placements(folder));
        }
        return of(all);
    }

    /** The census of these messages, however often each Message-ID occurs. */
    public static Census of(List<Placement> placements) {
        List<Placement> sorted = new ArrayList<>(placements);
        sorted.sort(Comparator.comparing(Placement::messageId).thenComparing(ORDER));
        SortedMap<String, Placement> first = new TreeMap<>();
        List<Placement> duplicates = new ArrayList<>();
        for (Placement placement : sorted) {
            if (first.putIfAbsent(placement.messageId(), placement) != null) {
                duplicates.add(placement);
            }
        }
        return new Census(first, duplicates);
    }

    /** Every message, each Message-ID as often as the mailbox holds it. */
    public List<Placement> all() {
        List<Placement> all = new ArrayList<>(byMessageId.values());
        all.addAll(duplicates);
        all.sort(Comparator.comparing(Placement::messageId).thenComparing(ORDER));
        return List.copyOf(all);
    }

    /** How many messages the mailbox holds. */
    public int size() {
        return byMessageId.size() + duplicates.size();
    }

    /** Messages of {@code expected} this census lacks (as often as it lacks them): what a run lost. */
    public List<Placement> missingFrom(Census expected) {
        List<Placement> missing = new ArrayList<>(expected.all());
        all().forEach(missing::remove);
        return List.copyOf(missing);
    }

    /** Messages this census holds beyond {@code expected} (as often as it has more): what a run added or misplaced. */
    public List<Placement> extraTo(Census expected) {
        return expected.missingFrom(this);
    }

    public Placement bySubject(String subject) {
        return all().stream().filter(placement -> subject.equals(placement.subject())).findFirst()
                .orElseThrow(() -> new AssertionError("no message with subject \"" + subject + "\" in " + this));
    }

    /**
     * What the mailbox looks like once a plan has run, according to the plan alone: each planned message takes its
     * actions in order. Folder paths of the plan are server names here, as on a server with '/' and no prefix.
     */
    public Census after(MailboxPlan plan) {
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException("the plan names messages by Message-ID, and this census holds "
                    + duplicates.size() + " of them more than once: " + duplicates);
        }
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
