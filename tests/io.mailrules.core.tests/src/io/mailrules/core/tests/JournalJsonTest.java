package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.journal.FlagGroup;
import io.mailrules.core.journal.TargetMark;
import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.JournalRecord;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.json.JournalJson;
import io.mailrules.core.json.JsonFormatException;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import io.mailrules.core.run.UidMapping;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JournalJsonTest {
    private static final RunId RUN = RunId.startedAt(Instant.parse("2025-03-01T10:15:30Z"),
            new UUID(0, 0x4f2a9cL));
    private static final Instant AT = Instant.parse("2025-03-01T10:15:31.250Z");

    private static Batch flagBatch() {
        return SamplePlans.routing().batches().get(1);
    }

    private static Batch moveBatch() {
        return SamplePlans.routing().batches().get(3);
    }

    @Test
    void runIdCarriesTheStartTime() {
        assertEquals("20250301T101530Z-4f2a9c", RUN.value());
    }

    @Test
    void intentWithFlagsBeforeRoundTrips() {
        IntentRecord intent = IntentRecord.of(RUN, flagBatch(), AT,
                List.of(new FlagGroup(Flags.of("\\Seen"), UidSet.of(1203))));
        assertRoundTrip(intent);
    }

    @Test
    void intentLineIsOneCompactVersionedObject() {
        String line = JournalJson.toLine(IntentRecord.of(RUN, moveBatch(), AT, List.of()));
        assertEquals("{\"v\":1,\"type\":\"intent\",\"runId\":\"20250301T101530Z-4f2a9c\",\"batchId\":\""
                + moveBatch().id() + "\",\"at\":\"2025-03-01T10:15:31.250Z\",\"mailbox\":\"sdr1\","
                + "\"folder\":\"INBOX\",\"uidValidity\":1700000000,\"command\":\"move\",\"target\":\"Replies\","
                + "\"uids\":\"1201,1204\",\"flagsBefore\":[]}", line);
    }

    @Test
    void aMovesTargetMarkRoundTripsAndOlderLinesWithoutOneStillRead() {
        IntentRecord marked = IntentRecord.of(RUN, moveBatch(), AT, List.of(),
                Optional.of(new TargetMark(1700000009, 4711)));
        String line = JournalJson.toLine(marked);
        assertTrue(line.endsWith(",\"targetUidValidity\":1700000009,\"targetUidNext\":4711}"), line);
        assertRoundTrip(marked);
        String older = line.replace(",\"targetUidValidity\":1700000009,\"targetUidNext\":4711", "");
        assertEquals(Optional.empty(), ((IntentRecord) JournalJson.fromLine(older)).targetMark());
    }

    @Test
    void outcomesRoundTrip() {
        assertRoundTrip(new OutcomeRecord(RUN, moveBatch().id(), AT,
                BatchOutcome.done(UidMapping.fromCopyUid("1201,1204", "17:18"))));
        assertRoundTrip(new OutcomeRecord(RUN, flagBatch().id(), AT, BatchOutcome.done()));
        assertRoundTrip(new OutcomeRecord(RUN, moveBatch().id(), AT,
                BatchOutcome.failed("NO [TRYCREATE] Mailbox doesn't exist: Replies\nsecond line")));
    }

    @Test
    void errorTextWithLineBreaksStaysOnOneLine() {
        String line = JournalJson.toLine(new OutcomeRecord(RUN, moveBatch().id(), AT,
                BatchOutcome.failed("connection reset\r\nby peer")));
        assertFalse(line.contains("\n") || line.contains("\r"), line);
    }

    @Test
    void flagGroupsMustStayInsideTheBatch() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> IntentRecord.of(RUN,
                flagBatch(), AT, List.of(new FlagGroup(Flags.NONE, UidSet.of(1203, 1300)))));
        assertTrue(error.getMessage().endsWith("flag groups name UIDs outside the batch: 1300"), error.getMessage());
    }

    @Test
    void unknownVersionOrTypeIsNamed() {
        String line = JournalJson.toLine(new OutcomeRecord(RUN, moveBatch().id(), AT, BatchOutcome.done()));
        assertEquals("$.v: unsupported journal record version 2; this Mailrules reads version 1",
                assertThrows(JsonFormatException.class,
                        () -> JournalJson.fromLine(line.replace("\"v\":1", "\"v\":2"))).getMessage());
        assertTrue(assertThrows(JsonFormatException.class,
                () -> JournalJson.fromLine(line.replace("\"outcome\"", "\"note\""))).getMessage()
                .startsWith("$.type: unknown record type \"note\""));
        assertEquals("$.result: unknown result \"maybe\"; expected done or failed",
                assertThrows(JsonFormatException.class,
                        () -> JournalJson.fromLine(line.replace("\"done\"", "\"maybe\""))).getMessage());
    }

    @Test
    void truncatedLineFromACrashIsMalformed() {
        String line = JournalJson.toLine(IntentRecord.of(RUN, moveBatch(), AT, List.of()));
        JsonFormatException error = assertThrows(JsonFormatException.class,
                () -> JournalJson.fromLine(line.substring(0, line.length() / 2)));
        assertTrue(error.problem().startsWith("malformed JSON"), error.getMessage());
    }

    @Test
    void headerAndClosingLinesRoundTrip() {
        RunHeader run = RunHeader.run(RUN, new PlanId("plan-1"), "sales.mailrules", List.of("sdr1", "sdr2"), AT);
        String line = JournalJson.toLine(run);
        assertEquals("{\"v\":1,\"type\":\"header\",\"runId\":\"20250301T101530Z-4f2a9c\","
                + "\"at\":\"2025-03-01T10:15:31.250Z\",\"kind\":\"run\",\"planId\":\"plan-1\","
                + "\"sourceFile\":\"sales.mailrules\",\"mailboxes\":[\"sdr1\",\"sdr2\"]}", line);
        assertEquals(run, JournalJson.entryFromLine(line));
        RunHeader undo = RunHeader.following(RunKind.UNDO, new RunId("earlier"), RUN, new PlanId("plan-1"),
                "sales.mailrules", List.of("sdr1"), AT);
        assertEquals(undo, JournalJson.entryFromLine(JournalJson.toLine(undo)));
        RunClosing closing = new RunClosing(RUN, AT, RunStatus.PARTIAL);
        assertEquals(closing, JournalJson.entryFromLine(JournalJson.toLine(closing)));
    }

    @Test
    void headerLineIsNotABatchRecord() {
        String line = JournalJson.toLine(new RunClosing(RUN, AT, RunStatus.COMPLETED));
        assertEquals("$.type: unknown record type \"closing\"; expected intent or outcome",
                assertThrows(JsonFormatException.class, () -> JournalJson.fromLine(line)).getMessage());
        assertEquals("$.status: unknown final status \"undone\";"
                + " expected completed, partial, failed, interrupted or refused",
                assertThrows(JsonFormatException.class,
                        () -> JournalJson.entryFromLine(line.replace("completed", "undone"))).getMessage());
    }

    @Test
    void headerKindAndReferenceMustAgree() {
        String line = JournalJson.toLine(RunHeader.run(RUN, new PlanId("plan-1"), "sales.mailrules",
                List.of("sdr1"), AT)).replace("\"kind\":\"run\"", "\"kind\":\"undo\"");
        JsonFormatException error = assertThrows(JsonFormatException.class, () -> JournalJson.entryFromLine(line));
        assertEquals("$: run " + RUN + ": an undo must name the run it works on", error.getMessage());
    }

    private static void assertRoundTrip(JournalRecord record) {
        String line = JournalJson.toLine(record);
        assertEquals(record, JournalJson.fromLine(line));
        assertTrue(line.startsWith("{\"v\":1,"), line);
    }
}
