package io.mailrules.ui.preview;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The preview's message table as CSV (RFC 4180: comma separated, CRLF line ends, fields with commas, quotes or line
 * breaks quoted), with a header line, for a spreadsheet or a review by someone without the workbench.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static void write(List<PreviewRow> rows, Writer out) throws IOException {
        line(out, PreviewColumn.values().length, i -> PreviewColumn.values()[i].header());
        for (PreviewRow row : rows) {
            line(out, PreviewColumn.values().length, i -> PreviewColumn.values()[i].text(row));
        }
        out.flush();
    }

    private static void line(Writer out, int count, java.util.function.IntFunction<String> field) throws IOException {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(field.apply(i)));
        }
        out.write("\r\n");
    }

    static String quoted(String value) {
        if (value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
