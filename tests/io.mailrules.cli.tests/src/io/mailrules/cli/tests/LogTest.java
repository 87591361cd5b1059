package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mailrules.cli.log.Log;
import io.mailrules.cli.log.LogFormat;

/** The two log formats: the line each writes, and values that try to break out of it. */
class LogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:15:30.123456Z"), ZoneOffset.UTC);
    private static final String FORGED = "INBOX\ntime=2020-01-01T00:00:00.000Z level=error event=forged mailbox=boss";

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    private Log log(LogFormat format) {
        return new Log(new PrintStream(written, true, StandardCharsets.UTF_8), format, CLOCK);
    }

    private String written() {
        return written.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTextLineIsTimeLevelEventAndFieldsWithQuotesWhereNeeded() {
        log(LogFormat.TEXT).info("batch", "mailbox", "sdr", "action", "move to Bounces", "count", 120, "reason", "",
                "rule", "a=b");
        assertEquals("time=2026-01-05T10:15:30.123Z level=info event=batch mailbox=sdr action=\"move to Bounces\""
                + " count=120 reason=\"\" rule=\"a=b\"\n", written());
    }

    @Test
    void aJsonLineIsOneObjectWithNumbersAsNumbers() {
        log(LogFormat.JSON).warn("batchesSkipped", "mailbox", "sdr", "skipped", 2, "reason", "say \"no\"");
        assertEquals("{\"time\":\"2026-01-05T10:15:30.123Z\",\"level\":\"warn\",\"event\":\"batchesSkipped\","
                + "\"mailbox\":\"sdr\",\"skipped\":2,\"reason\":\"say \\\"no\\\"\"}\n", written());
        JsonObject parsed = JsonParser.parseString(written()).getAsJsonObject();
        assertTrue(parsed.get("skipped").getAsJsonPrimitive().isNumber());
        assertEquals("say \"no\"", parsed.get("reason").getAsString());
    }

    @Test
    void aValueWithALineBreakCannotForgeATextLogLine() {
        log(LogFormat.TEXT).error("batch", "mailbox", "sdr", "folder", FORGED, "outcome", "failed");
        assertEquals(1, written().lines().count(), written());
        List<Map<String, String>> lines = LogLines.text(written());
        assertEquals(FORGED, lines.get(0).get("folder"));
        assertEquals("sdr", lines.get(0).get("mailbox"));
        assertEquals(List.of(), LogLines.events(lines, "forged"));
    }

    @Test
    void aValueWithALineBreakCannotForgeAJsonLogLine() {
        log(LogFormat.JSON).error("batch", "mailbox", "sdr", "folder", FORGED, "outcome", "failed");
        assertEquals(1, written().lines().count(), written());
        List<Map<String, String>> lines = LogLines.json(written());
        assertEquals(FORGED, lines.get(0).get("folder"));
        assertEquals(List.of(), LogLines.events(lines, "forged"));
    }

    @Test
    void controlFormatAndSeparatorCharactersAreEscapedAndLettersAreNot() {
        String hostile = "a\tb\rc\u001b[2Jd\u007fe\u0085f\u2028g\u202eh\ud800i Entwürfe 日本 😀";
        String escaped = "a\\tb\\rc\\u001b[2Jd\\u007fe\\u0085f\\u2028g\\u202eh\\ud800i Entwürfe 日本 😀";
        log(LogFormat.TEXT).info("e", "v", hostile);
        log(LogFormat.JSON).info("e", "v", hostile);
        List<String> lines = written().lines().toList();
        assertEquals(2, lines.size(), written());
        assertTrue(lines.get(0).endsWith(" v=\"" + escaped + "\""), lines.get(0));
        assertTrue(lines.get(1).endsWith(",\"v\":\"" + escaped + "\"}"), lines.get(1));
        assertEquals(hostile, LogLines.text(lines.get(0)).get(0).get("v"));
        assertEquals(hostile, JsonParser.parseString(lines.get(1)).getAsJsonObject().get("v").getAsString());
    }

    @Test
    void fieldNamesAreTheProgramsOwnWords() {
        assertThrows(IllegalArgumentException.class, () -> log(LogFormat.TEXT).info("e", "a b", "c"));
        assertThrows(IllegalArgumentException.class, () -> log(LogFormat.TEXT).info("e", "lonely"));
    }
}
