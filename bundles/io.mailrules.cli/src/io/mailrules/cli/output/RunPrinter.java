package io.mailrules.cli.output;

import java.io.PrintStream;
import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mailrules.core.run.BatchReport;
import io.mailrules.core.run.FolderRefusal;
import io.mailrules.core.run.MailboxReport;
import io.mailrules.core.run.RunResult;

/** What a run did: a summary and a line per mailbox for people, or one JSON object for machines. */
public final class RunPrinter {

    private RunPrinter() {
    }

    public static void print(RunResult result, PrintStream out) {
        out.println("Run " + result.runId() + " " + result.status().name().toLowerCase(Locale.ROOT) + ": "
                + PlanPrinter.count(result.batchesDone(), "batch") + " done, " + result.batchesFailed() + " failed, "
                + result.batchesNotSent() + " not sent; " + PlanPrinter.count(result.uidsActedOn(), "message")
                + " acted on" + (result.uidsSkipped() > 0 ? ", " + result.uidsSkipped()
                        + " skipped (no longer in their folder)" : ""));
        Table table = Table.withColumns("MAILBOX", "DONE", "FAILED", "NOT SENT", "CREATED", "PROBLEM")
                .numeric("DONE", "FAILED", "NOT SENT");
        for (MailboxReport mailbox : result.mailboxes()) {
            table.row(mailbox.mailbox(), done(mailbox), failed(mailbox), mailbox.batchesNotSent(),
                    mailbox.foldersCreated().isEmpty() ? "-" : String.join(", ", mailbox.foldersCreated()),
                    problem(mailbox));
        }
        table.print(out, "  ");
    }

    public static void printJson(RunResult result, PrintStream out) {
        JsonObject json = new JsonObject();
        json.addProperty("runId", result.runId().value());
        json.addProperty("status", result.status().name());
        json.addProperty("batchesDone", result.batchesDone());
        json.addProperty("batchesFailed", result.batchesFailed());
        json.addProperty("batchesNotSent", result.batchesNotSent());
        json.addProperty("messagesActedOn", result.uidsActedOn());
        json.addProperty("messagesSkipped", result.uidsSkipped());
        JsonArray mailboxes = new JsonArray();
        for (MailboxReport report : result.mailboxes()) {
            JsonObject mailbox = new JsonObject();
            mailbox.addProperty("mailbox", report.mailbox());
            mailbox.addProperty("complete", report.isComplete());
            mailbox.addProperty("batchesDone", done(report));
            mailbox.addProperty("batchesFailed", failed(report));
            mailbox.addProperty("batchesNotSent", report.batchesNotSent());
            JsonArray created = new JsonArray();
            report.foldersCreated().forEach(created::add);
            mailbox.add("foldersCreated", created);
            report.failure().ifPresent(failure -> mailbox.addProperty("failure", failure));
            JsonArray refused = new JsonArray();
            for (FolderRefusal refusal : report.refusedFolders()) {
                JsonObject folder = new JsonObject();
                folder.addProperty("folder", refusal.folder());
                folder.addProperty("batchesNotSent", refusal.batchesNotSent());
                folder.addProperty("reason", refusal.reason());
                refused.add(folder);
            }
            mailbox.add("refusedFolders", refused);
            JsonArray refusals = new JsonArray();
            report.refusals().forEach(refusal -> refusals.add(refusal.message()));
            mailbox.add("refusals", refusals);
            mailboxes.add(mailbox);
        }
        json.add("mailboxes", mailboxes);
        out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json));
    }

    private static long done(MailboxReport mailbox) {
        return mailbox.batches().stream().filter(batch -> batch.outcome().succeeded()).count();
    }

    private static long failed(MailboxReport mailbox) {
        return mailbox.batches().stream().map(BatchReport::outcome).filter(outcome -> !outcome.succeeded()).count();
    }

    private static String problem(MailboxReport mailbox) {
        if (mailbox.failure().isPresent()) {
            return mailbox.failure().get();
        }
        if (mailbox.isRefused()) {
            return Table.shorten(Refusals.summary(mailbox.refusals()), 100);
        }
        return mailbox.refusedFolders().stream().findFirst().map(RunPrinter::folderProblem).orElse("-");
    }

    /** A folder whose batches were not all sent, and why. */
    public static String folderProblem(FolderRefusal refusal) {
        return refusal.folder() + ": " + PlanPrinter.count(refusal.batchesNotSent(), "batch") + " not sent: "
                + refusal.reason();
    }
}
