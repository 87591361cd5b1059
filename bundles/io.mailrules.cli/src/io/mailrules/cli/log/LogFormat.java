package io.mailrules.cli.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import io.mailrules.cli.UsageException;

/**
 * How a log line is written: {@code key=value} pairs (logfmt), or one JSON object. Either way a line starts with
 * {@code time} (UTC, milliseconds), {@code level} and {@code event}, and the event's fields follow in a fixed order
 * under fixed names.
 */
public enum LogFormat {

    /** {@code time=2026-01-05T10:15:30.123Z level=info event=batch mailbox=sdr ... action="move to Bounces"}. */
    TEXT {
        @Override
        String line(Instant time, LogLevel level, String event, Object[] fields) {
            StringBuilder line = new StringBuilder(160);
            line.append("time=").append(TIME.format(time)).append(" level=").append(level.label());
            appendText(line.append(' '), "event", event);
            for (int i = 0; i < fields.length; i += 2) {
                appendText(line.append(' '), key(fields[i]), String.valueOf(fields[i + 1]));
            }
            return line.toString();
        }
    },

    /** {@code {"time":"2026-01-05T10:15:30.123Z","level":"info","event":"batch","mailbox":"sdr","count":120}}. */
    JSON {
        @Override
        String line(Instant time, LogLevel level, String event, Object[] fields) {
            StringBuilder line = new StringBuilder(200);
            line.append("{\"time\":\"").append(TIME.format(time)).append("\",\"level\":\"").append(level.label())
                    .append('"');
            appendJson(line, "event", event);
            for (int i = 0; i < fields.length; i += 2) {
                appendJson(line, key(fields[i]), fields[i + 1]);
            }
            return line.append('}').toString();
        }
    };

    /** The option's lines for the help of the commands that log, in the wide option column of run and serve. */
    public static final String HELP = """
              --log-format text|json               standard error as log lines of key=value pairs (text,
                                                   the default) or of one JSON object each (json)
            """;

    /** The same in the narrow option column of apply, undo and resume. */
    public static final String HELP_NARROW = """
              --log-format text|json
                            standard error as log lines of key=value pairs (text, the default) or of
                            one JSON object each (json)
            """;

    public static final String OPTION = "--log-format";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");

    abstract String line(Instant time, LogLevel level, String event, Object[] fields);

    /** The value of {@code --log-format}: {@code text} or {@code json}. */
    public static LogFormat parse(String typed) throws UsageException {
        return switch (typed.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new UsageException(OPTION + " takes text or json, got '" + typed + "'");
        };
    }

    // Keys are the program's own words; one that could break the line is a bug.
    private static String key(Object key) {
        String name = String.valueOf(key);
        if (!KEY.matcher(name).matches()) {
            throw new IllegalArgumentException("not a log field name: " + name);
        }
        return name;
    }

    private static void appendText(StringBuilder line, String key, String value) {
        line.append(key).append('=');
        if (LogValues.needsQuotes(value)) {
            LogValues.appendEscaped(line.append('"'), value);
            line.append('"');
        } else {
            line.append(value);
        }
    }

    private static void appendJson(StringBuilder line, String key, Object value) {
        line.append(",\"").append(key).append("\":");
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof Boolean) {
            line.append(value);
        } else {
            LogValues.appendEscaped(line.append('"'), String.valueOf(value));
            line.append('"');
        }
    }
}
