package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mailrules.cli.Console;
import io.mailrules.cli.execution.ProgressReporter;
import io.mailrules.cli.log.Log;
import io.mailrules.cli.log.LogFormat;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;

/**
 * Progress on a terminal: one line redrawn in place, in which a folder name or a server answer cannot clear the
 * screen or move the cursor; with {@code --log-format json} log lines even there.
 */
class ProgressReporterTest {

    private static final Plan EMPTY = new Plan(new PlanId("p1"), Instant.EPOCH, SourceRef.of("r.mailrules", "x"),
            List.of());
    // A folder name that clears the screen and homes the cursor, and a server answer that starts a new line.
    private static final Batch HOSTILE = Batch.of(0, "sdr", "INBOX\u001b[2J\u001b[H", 1,
            new BatchCommand.Move("Bounces"), UidSet.of(1, 2));

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Console terminal(LogFormat format) {
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new Console(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()), stream,
                Path.of("."), Map.of(), true).withLog(new Log(stream, format, Clock.systemUTC()));
    }

    @Test
    void theRedrawnLineShowsControlCharactersEscaped() {
        ProgressReporter progress = ProgressReporter.of(EMPTY, terminal(LogFormat.TEXT));
        progress.begin(2);
        progress.batchDone(HOSTILE, new BatchOutcome.Failed("NO over quota\r\n* forged"));
        String shown = err.toString(StandardCharsets.UTF_8);
        assertEquals("\r\u001b[K[1/2] sdr INBOX\\u001b[2J\\u001b[H: move to Bounces (2) FAILED: NO over quota\\r\\n"
                + "* forged\n", shown);
        // the only control sequence is the progress line's own "erase line"
        assertEquals(1, shown.chars().filter(c -> c == 0x1b).count(), shown);
    }

    @Test
    void withJsonLogsATerminalGetsLogLinesInstead() {
        ProgressReporter progress = ProgressReporter.of(EMPTY, terminal(LogFormat.JSON));
        progress.begin(1);
        progress.batchDone(HOSTILE, new BatchOutcome.Failed("NO over quota"));
        String shown = err.toString(StandardCharsets.UTF_8);
        assertFalse(shown.contains("\r"), shown);
        Map<String, String> batch = LogLines.only(LogLines.json(shown), "batch");
        assertEquals("error", batch.get("level"));
        assertEquals("INBOX\u001b[2J\u001b[H", batch.get("folder"));
        assertEquals("failed", batch.get("outcome"));
        assertTrue(shown.contains("\"folder\":\"INBOX\\u001b[2J\\u001b[H\""), shown);
    }
}
