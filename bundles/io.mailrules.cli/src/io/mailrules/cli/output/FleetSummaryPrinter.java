package io.mailrules.cli.output;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mailrules.cli.fleet.FleetResult;
import io.mailrules.cli.fleet.MailboxOutcome;

/** The end of a fleet run: one row per mailbox, so a failed one stands out among many that went well. */
public final class FleetSummaryPrinter {

    private FleetSummaryPrinter() {
    }

    public static void print(FleetResult result, PrintStream out) {
        long failed = result.mailboxes().stream().filter(mailbox -> !mailbox.succeeded()).count();
        long refused = result.mailboxes().stream().filter(MailboxOutcome::refused).count();
        out.println("Summary: " + PlanPrinter.count(result.mailboxes().size(), "mailbox") + ", " + failed
                + " not completed" + (refused > 0 ? " (" + refused + " refused, nothing changed in them)" : ""));
        Table table = Table.withColumns("MAILBOX", "STATUS", "MOVED", "FLAGGED", "DELETED", "BATCHES", "DURATION",
                "ERROR").numeric("MOVED", "FLAGGED", "DELETED", "BATCHES", "DURATION");
        for (MailboxOutcome mailbox : result.mailboxes()) {
            table.row(mailbox.mailbox(), mailbox.status(), mailbox.counts().moved(), mailbox.counts().flagged(),
                    mailbox.counts().deleted(), mailbox.batchesDone() + "/" + mailbox.batchesTotal(),
                    seconds(mailbox.duration()), mailbox.error().map(error -> Table.shorten(error, 100)).orElse("-"));
        }
        table.print(out, "  ");
    }

    public static JsonObject json(MailboxOutcome mailbox) {
        JsonObject json = new JsonObject();
        json.addProperty("mailbox", mailbox.mailbox());
        json.addProperty("status", mailbox.status());
        json.addProperty("moved", mailbox.counts().moved());
        json.addProperty("flagged", mailbox.counts().flagged());
        json.addProperty("deleted", mailbox.counts().deleted());
        json.addProperty("batchesDone", mailbox.batchesDone());
        json.addProperty("batchesTotal", mailbox.batchesTotal());
        json.addProperty("durationMillis", mailbox.duration().toMillis());
        mailbox.error().ifPresent(error -> json.addProperty("error", error));
        mailbox.run().ifPresent(run -> json.addProperty("runId", run.runId().value()));
        JsonArray refusals = new JsonArray();
        mailbox.run().ifPresent(run -> run.mailboxes().forEach(report -> report.refusals()
                .forEach(refusal -> refusals.add(refusal.message()))));
        json.add("refusals", refusals);
        return json;
    }

    public static void printJson(FleetResult result, PrintStream out) {
        JsonArray mailboxes = new JsonArray();
        result.mailboxes().forEach(mailbox -> mailboxes.add(json(mailbox)));
        JsonObject json = new JsonObject();
        json.addProperty("exitCode", result.exitCode());
        json.add("mailboxes", mailboxes);
        out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
