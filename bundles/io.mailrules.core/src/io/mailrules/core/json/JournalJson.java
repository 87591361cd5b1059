package io.mailrules.core.json;

import com.google.gson.stream.JsonWriter;
import io.mailrules.core.journal.FlagGroup;
import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.JournalEntry;
import io.mailrules.core.journal.JournalRecord;
import io.mailrules.core.journal.MailboxRefusal;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.TargetMark;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Journal entries as JSON lines: one compact object per line (line breaks inside strings are escaped), led by a
 * version field {@code "v"} and a {@code "type"}, so the journal store can append a line per record and a reader of
 * a later version can tell old lines from new ones.
 */
public final class JournalJson {

    public static final int VERSION = 1;

    private JournalJson() {
    }

    /** The entry as one line of JSON, without the line terminator. */
    public static String toLine(JournalEntry entry) {
        StringWriter text = new StringWriter();
        try (JsonWriter out = new JsonWriter(text)) {
            out.beginObject();
            out.name("v").value(VERSION);
            switch (entry) {
                case RunHeader header -> writeHeader(out, header);
                case IntentRecord intent -> writeIntent(out, intent);
                case OutcomeRecord outcome -> writeOutcome(out, outcome);
                case RunClosing closing -> writeClosing(out, closing);
                case MailboxRefusal refusal -> writeRefusal(out, refusal);
            }
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    /**
     * Reads an intent or outcome line; a header or closing line is an error here.
     *
     * @throws JsonFormatException naming the JSON path of what is wrong with the line
     */
    public static JournalRecord fromLine(String line) {
        return (JournalRecord) read(line, false);
    }

    /**
     * Reads any line of a journal file.
     *
     * @throws JsonFormatException naming the JSON path of what is wrong with the line
     */
    public static JournalEntry entryFromLine(String line) {
        return read(line, true);
    }

    private static JournalEntry read(String line, boolean runLinesAllowed) {
        JsonFields fields = JsonFields.of(StrictJson.parse(line), "$");
        long version = fields.wholeNumber("v", 1, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw fields.fail("v", "unsupported journal record version " + version + "; this Mailrules reads version "
                    + VERSION);
        }
        String type = fields.string("type");
        RunId runId = fields.parsed("runId", RunId::new);
        Instant at = fields.instant("at");
        JournalEntry entry = switch (type) {
            case "intent" -> readIntent(fields, runId, fields.parsed("batchId", BatchId::parse), at);
            case "outcome" -> {
                BatchId batchId = fields.parsed("batchId", BatchId::parse);
                var outcome = ModelCodec.readOutcomeFields(fields);
                yield fields.build(() -> new OutcomeRecord(runId, batchId, at, outcome));
            }
            case "header" -> {
                if (!runLinesAllowed) {
                    throw unknownType(fields, type, false);
                }
                yield readHeader(fields, runId, at);
            }
            case "closing" -> {
                if (!runLinesAllowed) {
                    throw unknownType(fields, type, false);
                }
                RunStatus status = fields.parsed("status", JournalJson::parseStatus);
                yield fields.build(() -> new RunClosing(runId, at, status));
            }
            case "refused" -> {
                if (!runLinesAllowed) {
                    throw unknownType(fields, type, false);
                }
                String mailbox = fields.string("mailbox");
                List<String> reasons = fields.strings("reasons");
                yield fields.build(() -> new MailboxRefusal(runId, at, mailbox, reasons));
            }
            default -> throw unknownType(fields, type, runLinesAllowed);
        };
        fields.finish();
        return entry;
    }

    private static JsonFormatException unknownType(JsonFields fields, String type, boolean runLinesAllowed) {
        return fields.fail("type", "unknown record type \"" + type + "\"; expected "
                + (runLinesAllowed ? "header, intent, outcome, refused or closing" : "intent or outcome"));
    }

    private static void writeHeader(JsonWriter out, RunHeader header) throws IOException {
        out.name("type").value("header");
        out.name("runId").value(header.runId().value());
        out.name("at").value(header.startedAt().toString());
        out.name("kind").value(header.kind().name().toLowerCase(Locale.ROOT));
        if (header.refersTo().isPresent()) {
            out.name("refersTo").value(header.refersTo().get().value());
        }
        out.name("planId").value(header.planId().value());
        out.name("sourceFile").value(header.sourceFile());
        out.name("mailboxes").beginArray();
        for (String mailbox : header.mailboxes()) {
            out.value(mailbox);
        }
        out.endArray();
        if (!header.accounts().isEmpty()) {
            // One per mailbox, in the order of "mailboxes"; null for a mailbox whose plan named no account.
            out.name("accounts").beginArray();
            for (String mailbox : header.mailboxes()) {
                String account = header.accounts().get(mailbox);
                if (account == null) {
                    out.nullValue();
                } else {
                    out.value(account);
                }
            }
            out.endArray();
        }
    }

    private static RunHeader readHeader(JsonFields fields, RunId runId, Instant startedAt) {
        RunKind kind = fields.parsed("kind", JournalJson::parseKind);
        Optional<RunId> refersTo = fields.has("refersTo")
                ? Optional.of(fields.parsed("refersTo", RunId::new))
                : Optional.empty();
        PlanId planId = fields.parsed("planId", PlanId::new);
        String sourceFile = fields.string("sourceFile");
        List<String> mailboxes = fields.strings("mailboxes");
        // Journals written before runs recorded their mailboxes' accounts have none.
        List<Optional<String>> keys = fields.optionalList("accounts", (element, path) -> element.isJsonNull()
                ? Optional.<String>empty() : Optional.of(JsonFields.asString(element, path)));
        if (!keys.isEmpty() && keys.size() != mailboxes.size()) {
            throw fields.fail("accounts", "has " + keys.size() + " entries for " + mailboxes.size() + " mailboxes");
        }
        Map<String, String> accounts = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            int index = i;
            keys.get(i).ifPresent(key -> accounts.put(mailboxes.get(index), key));
        }
        return fields.build(() -> new RunHeader(runId, planId, sourceFile, mailboxes, startedAt, kind, refersTo,
                accounts));
    }

    private static void writeClosing(JsonWriter out, RunClosing closing) throws IOException {
        out.name("type").value("closing");
        out.name("runId").value(closing.runId().value());
        out.name("at").value(closing.at().toString());
        out.name("status").value(closing.status().name().toLowerCase(Locale.ROOT));
    }

    private static void writeRefusal(JsonWriter out, MailboxRefusal refusal) throws IOException {
        out.name("type").value("refused");
        out.name("runId").value(refusal.runId().value());
        out.name("at").value(refusal.at().toString());
        out.name("mailbox").value(refusal.mailbox());
        out.name("reasons").beginArray();
        for (String reason : refusal.reasons()) {
            out.value(reason);
        }
        out.endArray();
    }

    private static RunKind parseKind(String text) {
        return switch (text) {
            case "run" -> RunKind.RUN;
            case "undo" -> RunKind.UNDO;
            case "resume" -> RunKind.RESUME;
            default -> throw new IllegalArgumentException("unknown run kind \"" + text
                    + "\"; expected run, undo or resume");
        };
    }

    private static RunStatus parseStatus(String text) {
        return switch (text) {
            case "completed" -> RunStatus.COMPLETED;
            case "partial" -> RunStatus.PARTIAL;
            case "failed" -> RunStatus.FAILED;
            case "interrupted" -> RunStatus.INTERRUPTED;
            case "refused" -> RunStatus.REFUSED;
            default -> throw new IllegalArgumentException("unknown final status \"" + text
                    + "\"; expected completed, partial, failed, interrupted or refused");
        };
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
        if (intent.targetMark().isPresent()) {
            out.name("targetUidValidity").value(intent.targetMark().get().uidValidity());
            out.name("targetUidNext").value(intent.targetMark().get().uidNext());
        }
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
        OptionalLong targetUidValidity = fields.optionalWholeNumber("targetUidValidity", UidSet.MIN_UID,
                UidSet.MAX_UID);
        OptionalLong targetUidNext = fields.optionalWholeNumber("targetUidNext", UidSet.MIN_UID, UidSet.MAX_UID + 1);
        return fields.build(() -> new IntentRecord(runId, batchId, at, mailbox, folder, uidValidity, uids, command,
                flagsBefore, targetUidValidity.isPresent() && targetUidNext.isPresent()
                        ? Optional.of(new TargetMark(targetUidValidity.getAsLong(), targetUidNext.getAsLong()))
                        : Optional.empty()));
    }
}
