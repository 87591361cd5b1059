package io.mailrules.cli.status;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mailrules.cli.output.RunsPrinter;
import io.mailrules.cli.output.Table;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.imap.FolderCounts;
import io.mailrules.imap.QuotaUsage;

/** {@code mailrules status} for people (an overview table, then each mailbox in detail) or as JSON. */
public final class StatusPrinter {

    private final DateTimeFormatter dates;

    /** @param zone the zone run times are shown in; JSON has ISO-8601 instants */
    public StatusPrinter(ZoneId zone) {
        this.dates = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    public void print(List<MailboxStatus> mailboxes, PrintStream out) {
        Table overview = Table.withColumns("MAILBOX", "SERVER", "LOGIN", "MESSAGES", "UNSEEN", "QUOTA", "LAST RUN")
                .numeric("MESSAGES", "UNSEEN");
        for (MailboxStatus mailbox : mailboxes) {
            overview.row(mailbox.mailbox(), mailbox.server(), mailbox.connected() ? "ok" : "FAILED",
                    mailbox.connected() ? mailbox.messages() : "-", mailbox.connected() ? mailbox.unseen() : "-",
                    mailbox.connected() ? shortQuota(mailbox.quota()) : "-", shortRun(mailbox.lastRun()));
        }
        overview.print(out, "");
        for (MailboxStatus mailbox : mailboxes) {
            out.println();
            printDetails(mailbox, out);
        }
    }

    private void printDetails(MailboxStatus mailbox, PrintStream out) {
        out.println("Mailbox " + mailbox.mailbox() + " (" + mailbox.user() + " at " + mailbox.server() + ")");
        if (mailbox.connectError().isPresent()) {
            out.println("  Login:         FAILED: " + mailbox.connectError().get());
        } else {
            out.println("  Login:         ok in " + mailbox.connectTime().toMillis() + " ms");
            out.println("  Capabilities:  " + String.join(" ", new TreeSet<>(mailbox.capabilities())));
            out.println("  Quota:         " + mailbox.quota().map(StatusPrinter::longQuota)
                    .orElse("not offered by the server"));
        }
        mailbox.problem().ifPresent(problem -> out.println("  Problem:       " + problem));
        out.println("  Last run:      " + mailbox.lastRun().map(this::longRun).orElse("none in the journal"));
        if (!mailbox.folders().isEmpty()) {
            Table folders = Table.withColumns("FOLDER", "MESSAGES", "UNSEEN").numeric("MESSAGES", "UNSEEN");
            for (FolderCounts folder : mailbox.folders()) {
                folders.row(folder.folder(), folder.messages(), folder.unseen());
            }
            folders.print(out, "  ");
        }
    }

    private static String shortQuota(Optional<List<QuotaUsage>> quota) {
        if (quota.isEmpty()) {
            return "not offered";
        }
        return quota.get().stream().filter(usage -> usage.resource().equalsIgnoreCase("STORAGE")).findFirst()
                .or(() -> quota.get().stream().findFirst())
                .map(usage -> usage.percentUsed() + "% " + usage.resource().toLowerCase(Locale.ROOT))
                .orElse("no limits");
    }

    private static String longQuota(List<QuotaUsage> quota) {
        if (quota.isEmpty()) {
            return "no limits";
        }
        Map<String, List<QuotaUsage>> byRoot = quota.stream().collect(Collectors.groupingBy(QuotaUsage::root,
                LinkedHashMap::new, Collectors.toList()));
        return byRoot.entrySet().stream().map(root -> root.getKey() + ": " + root.getValue().stream()
                .map(usage -> usage.resource() + " " + usage.usage() + " of " + usage.limit()
                        + ("STORAGE".equalsIgnoreCase(usage.resource()) ? " KiB" : "") + " (" + usage.percentUsed()
                        + "%)").collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
    }

    private String shortRun(Optional<RunHistoryEntry> run) {
        return run.map(entry -> dates.format(entry.startedAt()) + " " + lower(entry.kind().name()) + " "
                + lower(entry.status().name())).orElse("never");
    }

    private String longRun(RunHistoryEntry run) {
        return run.runId() + " (" + lower(run.kind().name()) + ", " + lower(run.status().name()) + ") started "
                + dates.format(run.startedAt()) + ": " + run.batchesDone() + " batches done, " + run.batchesFailed()
                + " failed, " + run.batchesPending() + " pending";
    }

    public void printJson(List<MailboxStatus> mailboxes, PrintStream out) {
        JsonArray array = new JsonArray();
        for (MailboxStatus mailbox : mailboxes) {
            JsonObject json = new JsonObject();
            json.addProperty("mailbox", mailbox.mailbox());
            json.addProperty("server", mailbox.server());
            json.addProperty("user", mailbox.user());
            json.addProperty("connected", mailbox.connected());
            mailbox.connectError().ifPresent(error -> json.addProperty("error", error));
            mailbox.problem().ifPresent(problem -> json.addProperty("problem", problem));
            if (mailbox.connected()) {
                json.addProperty("connectMillis", mailbox.connectTime().toMillis());
                JsonArray capabilities = new JsonArray();
                new TreeSet<>(mailbox.capabilities()).forEach(capabilities::add);
                json.add("capabilities", capabilities);
                JsonArray folders = new JsonArray();
                for (FolderCounts counts : mailbox.folders()) {
                    JsonObject folder = new JsonObject();
                    folder.addProperty("folder", counts.folder());
                    folder.addProperty("messages", counts.messages());
                    folder.addProperty("unseen", counts.unseen());
                    folders.add(folder);
                }
                json.add("folders", folders);
                json.addProperty("quotaOffered", mailbox.quota().isPresent());
                JsonArray quota = new JsonArray();
                mailbox.quota().orElse(List.of()).forEach(usage -> {
                    JsonObject resource = new JsonObject();
                    resource.addProperty("root", usage.root());
                    resource.addProperty("resource", usage.resource());
                    resource.addProperty("usage", usage.usage());
                    resource.addProperty("limit", usage.limit());
                    quota.add(resource);
                });
                json.add("quota", quota);
            }
            mailbox.lastRun().ifPresent(run -> json.add("lastRun", RunsPrinter.json(run)));
            array.add(json);
        }
        out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(array));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
