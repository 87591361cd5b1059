package io.mailrules.ui.preview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;

/** The columns of the preview's message table: what each shows, and how it sorts. */
public enum PreviewColumn {
    MAILBOX("Mailbox", 110, PreviewRow::mailbox),
    FOLDER("Folder", 110, PreviewRow::folder),
    DATE("Date", 130, null),
    FROM("From", 200, PreviewRow::from),
    SUBJECT("Subject", 280, PreviewRow::subject),
    RULE("Rule", 110, PreviewRow::rule),
    ACTION("Action", 200, PreviewRow::action),
    TARGET("Target", 130, PreviewRow::target);

    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final String header;
    private final int width;
    private final Function<PreviewRow, String> text;

    PreviewColumn(String header, int width, Function<PreviewRow, String> text) {
        this.header = header;
        this.width = width;
        this.text = text;
    }

    public String header() {
        return header;
    }

    public int width() {
        return width;
    }

    /** The cell as the table and the CSV export show it; dates in the user's zone. */
    public String text(PreviewRow row) {
        return this == DATE ? row.date().map(DATES::format).orElse("") : text.apply(row);
    }

    /** Dates sort by time, text case-insensitively. */
    public Comparator<PreviewRow> order() {
        if (this == DATE) {
            return Comparator.comparing(row -> row.date().orElse(Instant.MIN));
        }
        return Comparator.comparing(text, String.CASE_INSENSITIVE_ORDER);
    }
}
