package io.mailrules.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folder paths as rules, plans and journals write them: '/'-separated whatever the server's delimiter, INBOX
 * case-insensitive (RFC 3501), and segments such as {year} that the engine fills in per message. Servers' own names
 * are reached only through {@link FolderNaming}.
 */
public final class FolderPaths {

    public static final String INBOX = "INBOX";
    public static final Set<String> DATE_VARIABLES = Set.of("year", "month");

    private FolderPaths() {
    }

    public static List<String> segments(String path) {
        List<String> result = new ArrayList<>();
        if (path == null) {
            return result;
        }
        for (String segment : path.split("/")) {
            if (!segment.isBlank()) {
                result.add(segment.trim());
            }
        }
        return result;
    }

    /** Normal form for comparing two paths: trimmed segments, INBOX upper-cased. */
    public static String normalize(String path) {
        List<String> segments = segments(path);
        if (!segments.isEmpty() && segments.get(0).equalsIgnoreCase(INBOX)) {
            segments.set(0, INBOX);
        }
        return String.join("/", segments);
    }

    public static boolean isInbox(String path) {
        return INBOX.equals(normalize(path));
    }

    public static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    /** The path and its parents, outermost first: {@code Archive}, {@code Archive/2025}. */
    public static List<String> withAncestors(String path) {
        List<String> chain = new ArrayList<>();
        String current = "";
        for (String segment : segments(normalize(path))) {
            current = current.isEmpty() ? segment : current + "/" + segment;
            chain.add(current);
        }
        return chain;
    }

    public static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    public static String variableName(String segment) {
        return segment.substring(1, segment.length() - 1).toLowerCase(Locale.ROOT);
    }

    public static boolean hasVariables(String path) {
        return segments(path).stream().anyMatch(FolderPaths::isVariable);
    }

    /** Whether a concrete folder could be produced by a path with {year}/{month} segments. */
    public static boolean templateMatches(String template, String concrete) {
        List<String> t = segments(normalize(template));
        List<String> c = segments(normalize(concrete));
        if (t.size() != c.size()) {
            return false;
        }
        for (int i = 0; i < t.size(); i++) {
            if (!isVariable(t.get(i)) && !t.get(i).equals(c.get(i))) {
                return false;
            }
        }
        return true;
    }
}
