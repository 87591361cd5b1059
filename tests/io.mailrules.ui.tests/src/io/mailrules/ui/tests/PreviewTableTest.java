package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailrules.ui.preview.CsvExport;
import io.mailrules.ui.preview.PreviewColumn;
import io.mailrules.ui.preview.PreviewFilter;
import io.mailrules.ui.preview.PreviewRow;

/** The preview table's filter, order and CSV form, on rows as a plan gives them. */
class PreviewTableTest {

    private static final PreviewRow BOUNCE = new PreviewRow("sdr-ana", "INBOX", Optional.of(Instant.parse("2026-11-02T10:00:00Z")),
            "MAILER-DAEMON@example.com", "Undelivered: \"pricing\", part 2", "routing/bounces", "move to Bounces",
            "Bounces");
    private static final PreviewRow REPLY = new PreviewRow("sdr-ben", "INBOX", Optional.of(Instant.parse("2026-10-01T10:00:00Z")),
            "cho@bigcustomer.com", "Re: demo", "routing/interested", "flag, move to Replies/Interested",
            "Replies/Interested");

    @Test
    void everyTypedWordMustMatchSomeCellIgnoringCase() {
        List<PreviewRow> rows = List.of(BOUNCE, REPLY);
        assertEquals(List.of(BOUNCE), rows.stream().filter(new PreviewFilter("BOUNCES inbox")).toList());
        assertEquals(List.of(REPLY), rows.stream().filter(new PreviewFilter(" sdr-ben  ")).toList());
        assertEquals(rows, rows.stream().filter(new PreviewFilter("")).toList());
        assertEquals(List.of(), rows.stream().filter(new PreviewFilter("bounces sdr-ben")).toList());
    }

    @Test
    void datesSortByTimeAndTextIgnoringCase() {
        assertEquals(List.of(REPLY, BOUNCE), List.of(BOUNCE, REPLY).stream().sorted(PreviewColumn.DATE.order()).toList());
        assertEquals(List.of(REPLY, BOUNCE), List.of(BOUNCE, REPLY).stream().sorted(PreviewColumn.FROM.order()).toList());
    }

    @Test
    void csvQuotesFieldsWithCommasAndQuotes() throws Exception {
        StringWriter out = new StringWriter();
        CsvExport.write(List.of(BOUNCE), out);
        String[] lines = out.toString().split("\r\n");
        assertEquals("Mailbox,Folder,Date,From,Subject,Rule,Action,Target", lines[0]);
        assertEquals("sdr-ana,INBOX," + PreviewColumn.DATE.text(BOUNCE)
                + ",MAILER-DAEMON@example.com,\"Undelivered: \"\"pricing\"\", part 2\",routing/bounces,move to Bounces,"
                + "Bounces", lines[1]);
        assertEquals(2, lines.length);
    }
}
