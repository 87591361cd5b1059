package io.mailrules.core.plan;

/** Reads the IMAP sequence-set grammar restricted to concrete UIDs: {@code uid / uid ":" uid} separated by commas. */
final class SequenceSetParser {
    private static final int EXCERPT_CHARS = 40;

    private final CharSequence text;
    private int position;

    private SequenceSetParser(CharSequence text) {
        this.text = text;
    }

    static void parse(CharSequence text, UidSet.RangeConsumer consumer) {
        new SequenceSetParser(text).run(consumer);
    }

    private void run(UidSet.RangeConsumer consumer) {
        if (text.isEmpty()) {
            return;
        }
        while (true) {
            long first = uid();
            long last = first;
            if (position < text.length() && text.charAt(position) == ':') {
                position++;
                last = uid();
            }
            consumer.accept(Math.min(first, last), Math.max(first, last));
            if (position == text.length()) {
                return;
            }
            if (text.charAt(position) != ',') {
                throw error(position, "expected ',' or ':'");
            }
            position++;
        }
    }

    private long uid() {
        int start = position;
        long value = 0;
        while (position < text.length() && isDigit(text.charAt(position))) {
            value = value * 10 + (text.charAt(position) - '0');
            if (value > UidSet.MAX_UID) {
                throw error(start, "UID exceeds " + UidSet.MAX_UID);
            }
            position++;
        }
        if (position == start) {
            boolean star = start < text.length() && text.charAt(start) == '*';
            throw error(start, star ? "'*' is not allowed, a UID set names concrete UIDs" : "expected a UID");
        }
        if (text.charAt(start) == '0') {
            throw error(start, value == 0 ? "UID 0 does not exist, UIDs start at 1" : "UID with a leading zero");
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private IllegalArgumentException error(int at, String problem) {
        int from = Math.max(0, at - EXCERPT_CHARS / 2);
        int to = Math.min(text.length(), at + EXCERPT_CHARS / 2);
        String excerpt = (from > 0 ? "..." : "") + text.subSequence(from, to) + (to < text.length() ? "..." : "");
        return new IllegalArgumentException(
                "invalid UID set at character " + (at + 1) + ": " + problem + " in \"" + excerpt + "\"");
    }
}
