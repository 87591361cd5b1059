package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The log a command wrote to standard error, read back the way a log processor reads it: every line must be one
 * well-formed log line (logfmt, or one JSON object) that starts with its time, level and event, or the test fails.
 * Each line becomes its fields in order, values unescaped.
 */
final class LogLines {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final Pattern LEVEL = Pattern.compile("info|warn|error");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");

    private LogLines() {
    }

    /** The lines of a {@code --log-format text} log. */
    static List<Map<String, String>> text(String log) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (String line : log.lines().toList()) {
            Map<String, String> fields = logfmt(line);
            checkStart(line, fields);
            lines.add(fields);
        }
        return lines;
    }

    /** The lines of a {@code --log-format json} log, values as their text. */
    static List<Map<String, String>> json(String log) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (String line : log.lines().toList()) {
            JsonElement parsed = JsonParser.parseString(line);
            assertTrue(parsed.isJsonObject(), () -> "not a JSON object: " + line);
            JsonObject object = parsed.getAsJsonObject();
            Map<String, String> fields = new LinkedHashMap<>();
            object.entrySet().forEach(entry -> fields.put(entry.getKey(), entry.getValue().getAsString()));
            checkStart(line, fields);
            lines.add(fields);
        }
        return lines;
    }

    /** The lines of one event. */
    static List<Map<String, String>> events(List<Map<String, String>> lines, String event) {
        return lines.stream().filter(line -> event.equals(line.get("event"))).toList();
    }

    /** The one line of an event. */
    static Map<String, String> only(List<Map<String, String>> lines, String event) {
        List<Map<String, String>> found = events(lines, event);
        assertEquals(1, found.size(), () -> "not one event=" + event + " in " + lines);
        return found.get(0);
    }

    /** {@code level event: message} of each line that has a message, e.g. {@code error failed: no rules file given}. */
    static List<String> messages(List<Map<String, String>> lines) {
        return lines.stream().filter(line -> line.containsKey("message"))
                .map(line -> line.get("level") + " " + line.get("event") + ": " + line.get("message")).toList();
    }

    private static void checkStart(String line, Map<String, String> fields) {
        List<String> keys = List.copyOf(fields.keySet());
        assertTrue(keys.size() >= 3 && keys.subList(0, 3).equals(List.of("time", "level", "event")),
                () -> "a log line starts with time, level and event: " + line);
        assertTrue(TIME.matcher(fields.get("time")).matches(), () -> "time: " + line);
        assertTrue(LEVEL.matcher(fields.get("level")).matches(), () -> "level: " + line);
    }

    /** Strict logfmt: {@code key=value} separated by one space; quoted values with Java and JSON escapes. */
    private static Map<String, String> logfmt(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (i < line.length()) {
            int equals = line.indexOf('=', i);
            assertTrue(equals > i, () -> "no key=value at " + line);
            String key = line.substring(i, equals);
            assertTrue(KEY.matcher(key).matches(), () -> "key '" + key + "' in " + line);
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    assertTrue(i < line.length(), () -> "unterminated quote in " + line);
                    char c = line.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c != '\\') {
                        assertTrue(c >= 0x20 && c != 0x7f, () -> "raw control character in " + line);
                        value.append(c);
                        continue;
                    }
                    char escaped = line.charAt(i++);
                    switch (escaped) {
                        case '\\', '"' -> value.append(escaped);
                        case 'n' -> value.append('\n');
                        case 'r' -> value.append('\r');
                        case 't' -> value.append('\t');
                        case 'u' -> {
                            value.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> throw new AssertionError("unknown escape \\" + escaped + " in " + line);
                    }
                }
            } else {
                while (i < line.length() && line.charAt(i) != ' ') {
                    char c = line.charAt(i++);
                    assertTrue(c > 0x20 && c != '"' && c != '=' && c != '\\' && c != 0x7f,
                            () -> "unquoted value with '" + c + "' in " + line);
                    value.append(c);
                }
            }
            assertTrue(fields.put(key, value.toString()) == null, () -> "key " + key + " twice in " + line);
            if (i < line.length()) {
                assertEquals(' ', line.charAt(i), () -> "fields are separated by one space: " + line);
                i++;
                assertTrue(i < line.length() && line.charAt(i) != ' ', () -> "stray space in " + line);
            }
        }
        return fields;
    }
}
