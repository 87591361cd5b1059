package io.mailrules.core.json;

import com.google.gson.stream.JsonWriter;
import io.mailrules.core.journal.FlagGroup;
import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.JournalRecord;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.RunId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Journal records as JSON lines: one compact object per line (line breaks inside strings are escaped), led by a
 * version field {@code "v"} and a {@code "type"}, so the journal store can append a line per record and a reader of
 * a later version can tell old lines from new ones.
 */
public final class JournalJson {

    public static final int VERSION = 1;

    private JournalJson() {
    }

    /** The record as one line of JSON, without the line terminator. */
    public static String toLine(JournalRecord record) {
        StringWriter text = new StringWriter();
        try (JsonWriter out = new JsonWriter(text)) {
            out.beginObject();
            out.name("v").value(VERSION);
            switch (record) {
                case IntentRecord intent -> writeIntent(out, intent);
                case OutcomeRecord outcome -> writeOutcome(out, outcome);
            }
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    /**
     * @throws JsonFormatException naming the JSON path of what is wrong with the line
     */
    public static JournalRecord fromLine(String line) {
        JsonFields fields = JsonFields.of(StrictJson.parse(line), "$");
        long version = fields.wholeNumber("v", 1, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw fields.fail("v", "unsupported journal record version " + version + "; this Mailrules reads version "
                    + VERSION);
        }
        String type = fields.string("type");
        RunId runId = fields.parsed("runId", RunId::new);
        BatchId batchId = fields.parsed("batchId", BatchId::parse);
        Instant at = fields.instant("at");
        JournalRecord record = switch (type) {
            case "intent" -> readIntent(fields, runId, batchId, at);
            case "outcome" -> {
                var outcome = ModelCodec.readOutcomeFields(fields);
                yield fields.build(() -> new OutcomeRecord(runId, batchId, at, outcome));
            }
            default -> throw fields.fail("type", "unknown record type \"" + type + "\"; expected intent or outcome");
        };
        fields.finish();
        return record;
    }

    private static void writeCommon(JsonWriter out, String type, JournalRecord record) throws IOException {
        out.name("type").value(type);
        out.name("runId").value(record.runId().value());
        out.name("batchId").value(record.batchId().toString());
        out.name("at").value(record.at().toString());
    }

    private static void writeIntent(JsonWriter out, IntentRecord intent) throws IOException {
        writeCommon(out, "intent", intent);
        out.name("mailbox").value(intent.mailbox());
        out.name("folder").value(intent.folder());
        out.name("uidValidity").value(intent.uidValidity());
        ModelCodec.writeCommandFields(out, intent.command());
        out.name("uids").value(intent.uids().toString());
        out.name("flagsBefore").beginArray();
        for (FlagGroup group : intent.flagsBefore()) {
            out.beginObject();
            out.name("flags");
            ModelCodec.writeFlags(out, group.flags());
            out.name("uids").value(group.uids().toString());
            out.endObject();
        }
        out.endArray();
    }

    private static void writeOutcome(JsonWriter out, OutcomeRecord outcome) throws IOException {
        writeCommon(out, "outcome", outcome);
        ModelCodec.writeOutcomeFields(out, outcome.outcome());
    }

    private static IntentRecord readIntent(JsonFields fields, RunId runId, BatchId batchId, Instant at) {
        String mailbox = fields.string("mailbox");
        String folder = fields.string("folder");
        long uidValidity = fields.wholeNumber("uidValidity", UidSet.MIN_UID, UidSet.MAX_UID);
        var command = ModelCodec.readCommandFields(fields);
        UidSet uids = fields.uidSet("uids");
        List<FlagGroup> flagsBefore = fields.list("flagsBefore", (element, path) -> {
            JsonFields group = JsonFields.of(element, path);
            var flags = ModelCodec.readFlags(group, "flags");
            UidSet groupUids = group.uidSet("uids");
            group.finish();
            return group.build(() -> new FlagGroup(flags, groupUids));
        });
        return fields.build(() -> new IntentRecord(runId, batchId, at, mailbox, folder, uidValidity, uids, command,
                flagsBefore));
    }
}
