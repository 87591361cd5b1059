package io.mailrules.ui.mailboxes;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.source.FolderPaths;
import io.mailrules.imap.FolderCounts;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.QuotaUsage;

/** The words and numbers of a Mailboxes view row; kept apart from the widgets so that they read the same anywhere. */
public final class MailboxTexts {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private MailboxTexts() {
    }

    public static String server(MailboxSettings settings) {
        return settings.user() + " @ " + settings.host() + ":" + settings.port() + " ("
                + settings.security().words() + ")";
    }

    public static String status(MailboxEntry entry, ConnectionState state) {
        if (entry.problem().isPresent()) {
            return entry.problem().get();
        }
        return switch (state.phase()) {
            case NOT_TESTED -> "not tested";
            case TESTING -> "testing...";
            case CONNECTED -> "connected at " + WHEN.format(state.testedAt().orElseThrow());
            case FAILED -> state.failure().orElse("failed");
        };
    }

    public static String capabilities(ConnectionState state) {
        return state.findings().map(found -> String.join(" ", found.capabilities().names())).orElse("");
    }

    /** INBOX first, then by path: "INBOX 3 (1 unseen), Archive 1". */
    public static String folders(ConnectionState state) {
        return state.findings().map(found -> found.folders().stream()
                .sorted(Comparator.comparing((FolderCounts folder) -> !FolderPaths.isInbox(folder.folder()))
                        .thenComparing(FolderCounts::folder))
                .map(MailboxTexts::folder).collect(Collectors.joining(", "))).orElse("");
    }

    private static String folder(FolderCounts folder) {
        return folder.folder() + " " + folder.messages() + (folder.unseen() > 0 ? " (" + folder.unseen() + " unseen)"
                : "");
    }

    public static String quota(ConnectionState state) {
        return state.findings().map(found -> found.quota().map(MailboxTexts::quota).orElse("not offered"))
                .orElse("");
    }

    private static String quota(List<QuotaUsage> usages) {
        if (usages.isEmpty()) {
            return "no limits";
        }
        return usages.stream().map(usage -> usage.resource().equalsIgnoreCase("STORAGE")
                ? usage.usage() + " of " + usage.limit() + " KiB"
                : usage.usage() + " of " + usage.limit() + " " + usage.resource().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** The newest run on the mailbox, e.g. "2026-11-27 14:03 completed: 3 batches done, 1 failed". */
    public static String lastRun(Optional<RunHistoryEntry> run) {
        return run.map(entry -> WHEN.format(entry.startedAt()) + " " + entry.kind().name().toLowerCase(Locale.ROOT)
                + " " + entry.status().name().toLowerCase(Locale.ROOT) + ": " + entry.batchesDone() + " batches done"
                + (entry.batchesFailed() > 0 ? ", " + entry.batchesFailed() + " failed" : "")
                + (entry.batchesPending() > 0 ? ", " + entry.batchesPending() + " pending" : "")).orElse("none");
    }
}
