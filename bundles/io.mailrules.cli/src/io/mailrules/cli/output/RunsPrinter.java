package io.mailrules.cli.output;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
            runs.add(json);
        }
        out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(runs));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
