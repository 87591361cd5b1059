package io.mailrules.core.json;

import com.google.gson.JsonElement;
import com.google.gson.stream.JsonWriter;
import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.core.plan.UidSet;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The saved-plan file ({@code mailrules plan -o plan.json}): indented JSON with fields in a fixed order, instants in
 * ISO-8601 and UID sets as compressed IMAP sequence sets, so the same plan always gives the same text and a person
 * can read and diff it. The {@code format} and {@code version} fields come first; a reader refuses other versions.
 */
public final class PlanJson {

    public static final String FORMAT = "mailrules-plan";
    public static final int VERSION = 1;

    private PlanJson() {
    }

    public static String write(Plan plan) {
        StringWriter text = new StringWriter();
        try (JsonWriter out = new JsonWriter(text)) {
            out.setIndent("  ");
            writePlan(out, plan);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.append('\n').toString();
    }

    /**
     * @throws JsonFormatException naming the JSON path of the first problem: malformed JSON, another format or
     *         version, a missing, unknown or ill-typed field, or values the plan model rejects
     */
    public static Plan read(String json) {
        JsonFields root = JsonFields.of(StrictJson.parse(json), "$");
        String format = root.string("format");
        if (!format.equals(FORMAT)) {
            throw root.fail("format", "expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        long version = root.wholeNumber("version", 1, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw root.fail("version", "unsupported plan format version " + version + "; this Mailrules reads version "
                    + VERSION);
        }
        return new Reader().plan(root);
    }

    private static void writePlan(JsonWriter out, Plan plan) throws IOException {
        out.beginObject();
        out.name("format").value(FORMAT);
        out.name("version").value(VERSION);
        out.name("id").value(plan.id().value());
        out.name("createdAt").value(plan.createdAt().toString());
        out.name("source").beginObject();
        out.name("file").value(plan.source().file());
        out.name("sha256").value(plan.source().sha256());
        out.endObject();
        out.name("mailboxes").beginArray();
        for (MailboxPlan mailbox : plan.mailboxes()) {
            writeMailbox(out, mailbox);
        }
        out.endArray();
        out.endObject();
    }

    private static void writeMailbox(JsonWriter out, MailboxPlan mailbox) throws IOException {
        out.beginObject();
        out.name("mailbox").value(mailbox.mailbox());
        out.name("host").value(mailbox.host());
        if (mailbox.accountKey().isPresent()) {
            out.name("account").value(mailbox.accountKey().get());
        }
        out.name("foldersToCreate");
        writeStrings(out, mailbox.foldersToCreate());
        out.name("folders").beginArray();
        for (FolderPlan folder : mailbox.folders()) {
            writeFolder(out, folder);
        }
        out.endArray();
        out.endObject();
    }

    private static void writeFolder(JsonWriter out, FolderPlan folder) throws IOException {
        FolderSnapshot snapshot = folder.snapshot();
        out.beginObject();
        out.name("folder").value(snapshot.folder());
        out.name("uidValidity").value(snapshot.uidValidity());
        out.name("uidNext").value(snapshot.uidNext());
        if (snapshot.highestModSeq().isPresent()) {
            out.name("highestModSeq").value(snapshot.highestModSeq().getAsLong());
        }
        if (snapshot.messages().isPresent()) {
            out.name("messagesInFolder").value(snapshot.messages().getAsLong());
        }
        Map<MessageGroup, UidSet.Builder> groups = new LinkedHashMap<>();
        out.name("messages").beginArray();
        for (PlannedMessage message : folder.messages()) {
            if (showsAnything(message)) {
                writeMessage(out, message);
            } else {
                groups.computeIfAbsent(new MessageGroup(message.rules(), message.actions()), key -> UidSet.builder())
                        .add(message.uid());
            }
        }
        out.endArray();
        if (!groups.isEmpty()) {
            // A plan made to be applied at once says nothing per message but its rules and actions, which most
            // messages share: as UID sets its file stays small however many messages it moves.
            out.name("messageGroups").beginArray();
            for (Map.Entry<MessageGroup, UidSet.Builder> group : groups.entrySet()) {
                out.beginObject();
                out.name("uids").value(group.getValue().build().toString());
                out.name("rules");
                writeStrings(out, group.getKey().rules());
                out.name("actions");
                writeStrings(out, actionTexts(group.getKey().actions()));
                out.endObject();
            }
            out.endArray();
        }
        out.name("batches").beginArray();
        for (Batch batch : folder.batches()) {
            out.beginObject();
            out.name("id").value(batch.id().toString());
            ModelCodec.writeCommandFields(out, batch.command());
            out.name("uids").value(batch.uids().toString());
            out.endObject();
        }
        out.endArray();
        out.endObject();
    }

    private static boolean showsAnything(PlannedMessage message) {
        return message.messageId().isPresent() || message.internalDate().isPresent() || !message.from().isEmpty()
                || !message.subject().isEmpty();
    }

    /** Messages that share their rules and actions, written as one UID set. */
    private record MessageGroup(List<String> rules, List<Action> actions) {
    }

    private static List<String> actionTexts(List<Action> actions) {
        return actions.stream().map(ModelCodec::actionText).toList();
    }

    private static void writeMessage(JsonWriter out, PlannedMessage message) throws IOException {
        out.beginObject();
        out.name("uid").value(message.uid());
        if (message.messageId().isPresent()) {
            out.name("messageId").value(message.messageId().get());
        }
        if (message.internalDate().isPresent()) {
            out.name("internalDate").value(message.internalDate().get().toString());
        }
        out.name("from").value(message.from());
        out.name("subject").value(message.subject());
        out.name("rules");
        writeStrings(out, message.rules());
        out.name("actions");
        writeStrings(out, actionTexts(message.actions()));
        out.endObject();
    }

    private static void writeStrings(JsonWriter out, List<String> values) throws IOException {
        out.beginArray();
        for (String value : values) {
            out.value(value);
        }
        out.endArray();
    }

    /** One read of one document; numbers the batches as it meets them, which is their plan order. */
    private static final class Reader {
        private int nextBatchSequence;

        Plan plan(JsonFields root) {
            PlanId id = root.parsed("id", PlanId::new);
            var createdAt = root.instant("createdAt");
            JsonFields sourceFields = root.object("source");
            SourceRef source = sourceFields.build(
                    () -> new SourceRef(sourceFields.string("file"), sourceFields.string("sha256")));
            sourceFields.finish();
            List<MailboxPlan> mailboxes = root.list("mailboxes", this::mailbox);
            root.finish();
            return root.build(() -> new Plan(id, createdAt, source, mailboxes));
        }

        private MailboxPlan mailbox(JsonElement element, String path) {
            JsonFields fields = JsonFields.of(element, path);
            String mailbox = fields.string("mailbox");
            String host = fields.string("host");
            // Plans saved before plans named their account have none.
            Optional<String> account = fields.optionalString("account");
            List<String> foldersToCreate = fields.strings("foldersToCreate");
            List<FolderPlan> folders = fields.list("folders", (folder, folderPath) -> folder(mailbox, folder,
                    folderPath));
            fields.finish();
            return fields.build(() -> new MailboxPlan(mailbox, host, foldersToCreate, folders, account));
        }

        private FolderPlan folder(String mailbox, JsonElement element, String path) {
            JsonFields fields = JsonFields.of(element, path);
            String folder = fields.string("folder");
            long uidValidity = fields.wholeNumber("uidValidity", UidSet.MIN_UID, UidSet.MAX_UID);
            long uidNext = fields.wholeNumber("uidNext", UidSet.MIN_UID, UidSet.MAX_UID);
            var highestModSeq = fields.optionalWholeNumber("highestModSeq", 0, Long.MAX_VALUE);
            // Absent in plans saved before change limits: their shares then count as exceeded (see ChangeLimit).
            var messagesInFolder = fields.optionalWholeNumber("messagesInFolder", 0, Long.MAX_VALUE);
            FolderSnapshot snapshot = fields.build(
                    () -> new FolderSnapshot(folder, uidValidity, uidNext, highestModSeq, messagesInFolder));
            List<PlannedMessage> messages = new ArrayList<>(fields.list("messages", PlanJson.Reader::message));
            for (List<PlannedMessage> group : fields.optionalList("messageGroups", PlanJson.Reader::messageGroup)) {
                messages.addAll(group);
            }
            List<Batch> batches = fields.list("batches", (batch, batchPath) -> batch(mailbox, snapshot, batch,
                    batchPath));
            fields.finish();
            return fields.build(() -> new FolderPlan(snapshot, messages, batches));
        }

        private static List<PlannedMessage> messageGroup(JsonElement element, String path) {
            JsonFields fields = JsonFields.of(element, path);
            UidSet uids = fields.uidSet("uids");
            List<String> rules = fields.strings("rules");
            List<Action> actions = actions(fields);
            fields.finish();
            return fields.build(() -> uids.stream().mapToObj(uid -> new PlannedMessage(uid, Optional.empty(),
                    Optional.empty(), "", "", rules, actions)).toList());
        }

        private static List<Action> actions(JsonFields fields) {
            return fields.list("actions", (action, actionPath) -> {
                String text = JsonFields.asString(action, actionPath);
                try {
                    return ModelCodec.parseAction(text);
                } catch (IllegalArgumentException e) {
                    throw new JsonFormatException(actionPath, e.getMessage(), e);
                }
            });
        }

        private static PlannedMessage message(JsonElement element, String path) {
            JsonFields fields = JsonFields.of(element, path);
            long uid = fields.wholeNumber("uid", UidSet.MIN_UID, UidSet.MAX_UID);
            var messageId = fields.optionalString("messageId");
            var internalDate = fields.optionalInstant("internalDate");
            String from = fields.string("from");
            String subject = fields.string("subject");
            List<String> rules = fields.strings("rules");
            List<Action> actions = actions(fields);
            fields.finish();
            return fields.build(() -> new PlannedMessage(uid, messageId, internalDate, from, subject, rules, actions));
        }

        private Batch batch(String mailbox, FolderSnapshot snapshot, JsonElement element, String path) {
            JsonFields fields = JsonFields.of(element, path);
            BatchId id = fields.parsed("id", BatchId::parse);
            var command = ModelCodec.readCommandFields(fields);
            UidSet uids = fields.uidSet("uids");
            fields.finish();
            int sequence = nextBatchSequence++;
            Batch batch = fields.build(() -> Batch.of(sequence, mailbox, snapshot.folder(), snapshot.uidValidity(),
                    command, uids));
            if (!batch.id().equals(id)) {
                throw fields.fail("id", "\"" + id + "\" does not match the batch's position and content, which give \""
                        + batch.id() + "\"; the plan was edited by hand or batches were reordered");
            }
            return batch;
        }
    }
}
