package io.mailrules.cli.output;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SortedMap;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mailrules.core.journal.store.RunHistory;
import io.mailrules.core.journal.store.RunHistoryEntry;

/** The run history of a journal directory, newest first. */
public final class RunsPrinter {

    private final DateTimeFormatter dates;

    /** @param zone the zone start times are shown in; JSON always has ISO-8601 instants */
    public RunsPrinter(ZoneId zone) {
        this.dates = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    public void print(RunHistory history, PrintStream out) {
        Table table = Table.withColumns("RUN", "KIND", "STATUS", "STARTED", "MAILBOXES", "DONE", "FAILED", "PENDING")
                .numeric("DONE", "FAILED", "PENDING");
        for (RunHistoryEntry run : history.runs()) {
            table.row(run.runId(), lower(run.kind().name()), lower(run.status().name()), dates.format(run.startedAt()),
                    String.join(",", run.mailboxes()), run.batchesDone(), run.batchesFailed(), run.batchesPending());
        }
        table.print(out, "");
    }

    public void printJson(RunHistory history, PrintStream out) {
        JsonArray runs = new JsonArray();
        for (RunHistoryEntry run : history.runs()) {
            runs.add(json(run));
        }
        out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(runs));
    }

    /** The newest run of each mailbox, by mailbox name. */
    public void printLastRuns(SortedMap<String, RunHistoryEntry> lastRuns, boolean asJson, PrintStream out) {
        if (asJson) {
            JsonArray mailboxes = new JsonArray();
            lastRuns.forEach((mailbox, run) -> {
                JsonObject json = new JsonObject();
                json.addProperty("mailbox", mailbox);
                json.add("lastRun", json(run));
                mailboxes.add(json);
            });
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(mailboxes));
            return;
        }
        Table table = Table.withColumns("MAILBOX", "LAST RUN", "KIND", "STATUS", "STARTED", "DONE", "FAILED",
                "PENDING").numeric("DONE", "FAILED", "PENDING");
        lastRuns.forEach((mailbox, run) -> table.row(mailbox, run.runId(), lower(run.kind().name()),
                lower(run.status().name()), dates.format(run.startedAt()), run.batchesDone(), run.batchesFailed(),
                run.batchesPending()));
        table.print(out, "");
    }

    /** One run as the JSON of 'runs --json' has it; 'status --json' uses the same for a mailbox's last run. */
    public static JsonObject json(RunHistoryEntry run) {
        JsonObject json = new JsonObject();
        json.addProperty("runId", run.runId().value());
        json.addProperty("kind", run.kind().name());
        run.refersTo().ifPresent(other -> json.addProperty("refersTo", other.value()));
        json.addProperty("status", run.status().name());
        json.addProperty("planId", run.planId().value());
        json.addProperty("sourceFile", run.sourceFile());
        JsonArray mailboxes = new JsonArray();
        run.mailboxes().forEach(mailboxes::add);
        json.add("mailboxes", mailboxes);
        json.addProperty("startedAt", run.startedAt().toString());
        run.finishedAt().ifPresent(finished -> json.addProperty("finishedAt", finished.toString()));
        json.addProperty("batchesDone", run.batchesDone());
        json.addProperty("batchesFailed", run.batchesFailed());
        json.addProperty("batchesPending", run.batchesPending());
        json.addProperty("messagesDone", run.uidsDone());
        run.undoneBy().ifPresent(undo -> json.addProperty("undoneBy", undo.value()));
        run.resumedBy().ifPresent(resume -> json.addProperty("resumedBy", resume.value()));
        return json;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
