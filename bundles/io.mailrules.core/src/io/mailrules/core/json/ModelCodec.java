package io.mailrules.core.json;

import com.google.gson.stream.JsonWriter;
import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.UidMapping;
import java.io.IOException;
import java.util.Arrays;

/**
 * JSON forms of the values shared by plans and journal lines. They are part of the file formats: change one only
 * together with the format version.
 */
final class ModelCodec {
    private ModelCodec() {
    }

    static void writeFlags(JsonWriter out, Flags flags) throws IOException {
        out.beginArray();
        for (String name : flags.imapNames()) {
            out.value(name);
        }
        out.endArray();
    }

    static Flags readFlags(JsonFields fields, String name) {
        var names = fields.strings(name);
        try {
            return Flags.of(names);
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(fields.pathOf(name), e.getMessage(), e);
        }
    }

    /**
     * Actions are written as short phrases ({@code move to Replies}, {@code add \Flagged $AutoReply}) because a plan
     * holds one list per message and objects would bury the messages. Folder names run to the end of the phrase and
     * flag names never contain spaces, so the phrases read back unambiguously.
     */
    static String actionText(Action action) {
        return switch (action) {
            case Action.Move(String target) -> "move to " + target;
            case Action.Copy(String target) -> "copy to " + target;
            case Action.Delete(String trashFolder) -> "delete to " + trashFolder;
            case Action.Expunge() -> "expunge";
            case Action.AddFlags(Flags flags) -> "add " + flags;
            case Action.RemoveFlags(Flags flags) -> "remove " + flags;
            case Action.Stop() -> "stop";
        };
    }

    static Action parseAction(String text) {
        if (text.equals("expunge")) {
            return new Action.Expunge();
        }
        if (text.equals("stop")) {
            return new Action.Stop();
        }
        if (text.startsWith("move to ")) {
            return new Action.Move(text.substring("move to ".length()));
        }
        if (text.startsWith("copy to ")) {
            return new Action.Copy(text.substring("copy to ".length()));
        }
        if (text.startsWith("delete to ")) {
            return new Action.Delete(text.substring("delete to ".length()));
        }
        if (text.startsWith("add ")) {
            return new Action.AddFlags(parseFlagList(text.substring("add ".length())));
        }
        if (text.startsWith("remove ")) {
            return new Action.RemoveFlags(parseFlagList(text.substring("remove ".length())));
        }
        throw new IllegalArgumentException("unknown action \"" + text + "\"; expected move to, copy to, delete to, "
                + "expunge, add, remove or stop");
    }

    private static Flags parseFlagList(String text) {
        return Flags.of(Arrays.asList(text.split(" ", -1)));
    }

    /** Writes {@code "command"} and, as the command needs them, {@code "target"} or {@code "flags"}. */
    static void writeCommandFields(JsonWriter out, BatchCommand command) throws IOException {
        out.name("command").value(command.kind());
        if (command.target().isPresent()) {
            out.name("target").value(command.target().get());
        }
        if (command.flags().isPresent()) {
            out.name("flags");
            writeFlags(out, command.flags().get());
        }
    }

    static BatchCommand readCommandFields(JsonFields fields) {
        String kind = fields.string("command");
        return switch (kind) {
            case "move" -> fields.build(() -> new BatchCommand.Move(fields.string("target")));
            case "copy" -> fields.build(() -> new BatchCommand.Copy(fields.string("target")));
            case "addFlags" -> fields.build(() -> new BatchCommand.AddFlags(readFlags(fields, "flags")));
            case "removeFlags" -> fields.build(() -> new BatchCommand.RemoveFlags(readFlags(fields, "flags")));
            case "expunge" -> new BatchCommand.Expunge();
            default -> throw fields.fail("command", "unknown command \"" + kind
                    + "\"; expected move, copy, addFlags, removeFlags or expunge");
        };
    }

    /** Writes {@code "result"} and {@code "copyUid"} or {@code "error"}. */
    static void writeOutcomeFields(JsonWriter out, BatchOutcome outcome) throws IOException {
        switch (outcome) {
            case BatchOutcome.Done done -> {
                out.name("result").value("done");
                if (done.copyUid().isPresent()) {
                    out.name("copyUid").value(done.copyUid().get().toString());
                }
                if (done.targetUidValidity().isPresent()) {
                    out.name("targetUidValidity").value(done.targetUidValidity().getAsLong());
                }
            }
            case BatchOutcome.Failed failed -> {
                out.name("result").value("failed");
                out.name("error").value(failed.error());
            }
        }
    }

    private static BatchOutcome readDone(JsonFields fields) {
        if (!fields.has("copyUid")) {
            return BatchOutcome.done();
        }
        UidMapping copyUid = fields.parsed("copyUid", UidMapping::parse);
        return fields.has("targetUidValidity")
                ? BatchOutcome.done(copyUid, fields.wholeNumber("targetUidValidity", UidSet.MIN_UID, UidSet.MAX_UID))
                : BatchOutcome.done(copyUid);
    }

    static BatchOutcome readOutcomeFields(JsonFields fields) {
        String result = fields.string("result");
        return switch (result) {
            case "done" -> readDone(fields);
            case "failed" -> fields.build(() -> BatchOutcome.failed(fields.string("error")));
            default -> throw fields.fail("result", "unknown result \"" + result + "\"; expected done or failed");
        };
    }
}
