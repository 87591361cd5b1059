package io.mailrules.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Columns aligned with spaces for people reading a terminal; numbers are right-aligned so that digits line up.
 * Machines get JSON instead, so the layout is free to change.
 */
public final class Table {

    private final List<String> headers;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = List.copyOf(headers);
        this.numeric = new boolean[headers.size()];
    }

    public static Table withColumns(String... headers) {
        return new Table(Arrays.asList(headers));
    }

    /** Right-aligns the named columns. */
    public Table numeric(String... columns) {
        for (String column : columns) {
            int index = headers.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            numeric[index] = true;
        }
        return this;
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the header and the rows, each line starting with {@code indent}; no trailing spaces. */
    public void print(PrintStream to, String indent) {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        printLine(to, indent, headers, widths);
        rows.forEach(row -> printLine(to, indent, row, widths));
    }

    private void printLine(PrintStream to, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(numeric[column] ? padding + cell : cell + padding);
            if (column < cells.size() - 1) {
                line.append("  ");
            }
        }
        to.println(line.toString().stripTrailing());
    }

    /** Cuts a cell to {@code max} characters, marking the cut, so one long subject does not widen every row. */
    public static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
